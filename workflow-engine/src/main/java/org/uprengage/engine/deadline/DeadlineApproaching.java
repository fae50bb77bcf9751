package org.uprengage.engine.deadline;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A reminder: a task is due in {@code daysLeft} days. */
public record DeadlineApproaching(@JsonUnwrapped DeadlineAlert alert)
    implements DeadlineAlertEvent {

  public static final String TYPE = "org.uprengage.deadline.approaching.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
