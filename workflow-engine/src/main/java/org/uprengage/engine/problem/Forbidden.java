package org.uprengage.engine.problem;

/** The caller sees the object but may not do this to it; the message says who may. */
public final class Forbidden extends DomainProblem {

  public Forbidden(String message) {
    super(message);
  }
}
