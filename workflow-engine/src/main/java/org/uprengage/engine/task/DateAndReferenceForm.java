package org.uprengage.engine.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.uprengage.engine.security.Caller;

/**
 * The form of a task that records the day something happened (never later than today) and a
 * reference to it: a submission sent, a report published, an outcome adopted.
 */
public abstract class DateAndReferenceForm implements TaskForm {

  private final FormField date;
  private final FormField reference;
  private final Clock clock;

  protected DateAndReferenceForm(FormField date, FormField reference, Clock clock) {
    this.date = date;
    this.reference = reference;
    this.clock = clock;
  }

  @Override
  public final List<FormField> fields() {
    return List.of(date, reference);
  }

  @Override
  public final Map<String, Object> submit(Caller caller, TaskContext task, FormInput input) {
    input.onlyFields(fields());
    LocalDate on = input.pastDate(date, clock);
    String text = input.string(reference);
    input.throwIfInvalid();
    record(caller, task, on, text);
    return Map.of();
  }

  /**
   * Records what the valid input says, in the caller's transaction.
   *
   * @param on null where the date is optional and left out
   * @param reference null where left out
   */
  protected abstract void record(Caller caller, TaskContext task, LocalDate on, String reference);
}
