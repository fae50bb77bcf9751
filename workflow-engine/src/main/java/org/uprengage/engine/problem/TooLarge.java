package org.uprengage.engine.problem;

/** The body is larger than the operation takes; the message says the limit. */
public final class TooLarge extends DomainProblem {

  public TooLarge(String message) {
    super(message);
  }
}
