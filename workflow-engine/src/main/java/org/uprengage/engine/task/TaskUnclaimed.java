package org.uprengage.engine.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A task went back to its candidate groups. */
public record TaskUnclaimed(@JsonUnwrapped TaskSnapshot task) implements TaskEvent {

  public static final String TYPE = "org.uprengage.task.unclaimed.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
