package org.uprengage.engine.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A person took a task offered to one of their groups. */
public record TaskClaimed(@JsonUnwrapped TaskSnapshot task) implements TaskEvent {

  public static final String TYPE = "org.uprengage.task.claimed.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
