package org.uprengage.engine.problem;

/**
 * The request is well formed but what it would do breaks a limit the installation set (a text over
 * its word limit), naming both numbers and the field that lets the caller go ahead anyway.
 */
public final class OverLimit extends DomainProblem {

  private final int actual;
  private final int limit;
  private final String overrideField;

  public OverLimit(String message, int actual, int limit, String overrideField) {
    super(message);
    this.actual = actual;
    this.limit = limit;
    this.overrideField = overrideField;
  }

  public int actual() {
    return actual;
  }

  public int limit() {
    return limit;
  }

  /** The field that overrides the limit with a reason. */
  public String overrideField() {
    return overrideField;
  }
}
