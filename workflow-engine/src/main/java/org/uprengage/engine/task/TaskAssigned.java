package org.uprengage.engine.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Someone gave a task to a person (a coordinator, or a delegation). */
public record TaskAssigned(@JsonUnwrapped TaskSnapshot task) implements TaskEvent {

  public static final String TYPE = "org.uprengage.task.assigned.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
