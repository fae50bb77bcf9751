package org.uprengage.engine.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A task ended without being completed (its process moved on or ended). */
public record TaskCancelled(@JsonUnwrapped TaskSnapshot task) implements TaskEvent {

  public static final String TYPE = "org.uprengage.task.cancelled.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
