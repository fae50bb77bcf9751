package org.uprengage.engine.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A user task was created: offered to its candidate groups, or assigned. */
public record TaskCreated(@JsonUnwrapped TaskSnapshot task) implements TaskEvent {

  public static final String TYPE = "org.uprengage.task.created.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
