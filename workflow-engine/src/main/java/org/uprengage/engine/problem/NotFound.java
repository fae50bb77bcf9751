package org.uprengage.engine.problem;

/**
 * The object does not exist for the caller: it does not exist, or it belongs to a country team they
 * are not in, which they must not be able to tell apart.
 */
public final class NotFound extends DomainProblem {

  private final String what;

  /**
   * @param what the kind of object, such as {@code Task}
   * @param id the id the caller gave
   */
  public NotFound(String what, Object id) {
    super("No " + what.toLowerCase() + " " + id + " is visible to you.");
    this.what = what;
  }

  /** The kind of object, such as {@code Task}. */
  public String what() {
    return what;
  }
}
