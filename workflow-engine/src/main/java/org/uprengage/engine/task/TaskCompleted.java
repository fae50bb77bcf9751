package org.uprengage.engine.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A task was completed; the process went on. */
public record TaskCompleted(@JsonUnwrapped TaskSnapshot task) implements TaskEvent {

  public static final String TYPE = "org.uprengage.task.completed.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
