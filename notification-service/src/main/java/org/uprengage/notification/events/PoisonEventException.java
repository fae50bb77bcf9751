package org.uprengage.notification.events;

/** An event that no retry can process; it is parked on the dead-letter topic with this reason. */
public class PoisonEventException extends RuntimeException {

  public PoisonEventException(String reason) {
    super(reason);
  }
}
