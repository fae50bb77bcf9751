package org.uprengage.engine.problem;

/**
 * The body is not of a kind the operation reads (a PDF or an image where a list of recommendations
 * was expected); the message says what it takes.
 */
public final class UnsupportedContent extends DomainProblem {

  public UnsupportedContent(String message) {
    super(message);
  }
}
