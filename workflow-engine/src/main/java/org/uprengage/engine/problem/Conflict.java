package org.uprengage.engine.problem;

/**
 * The request conflicts with how things stand now (already claimed, changed meanwhile, ended),
 * optionally with the object as it is now, so the caller can look again.
 */
public final class Conflict extends DomainProblem {

  private final transient Object current;

  public Conflict(String message) {
    this(message, null);
  }

  public Conflict(String message, Object current) {
    super(message);
    this.current = current;
  }

  /** The object as it is now, or null. */
  public Object current() {
    return current;
  }
}
