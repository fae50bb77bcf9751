package org.uprengage.engine.deadline;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A task's due date passed with the task still open: escalated to {@code escalateTo}. */
public record DeadlineMissed(@JsonUnwrapped DeadlineAlert alert, List<String> escalateTo)
    implements DeadlineAlertEvent {

  public static final String TYPE = "org.uprengage.deadline.missed.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
