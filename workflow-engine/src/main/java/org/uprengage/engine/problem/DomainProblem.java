package org.uprengage.engine.problem;

/**
 * Why the engine does not do what it was asked, in terms of the domain: what is not found, not
 * allowed, in conflict with how things stand, invalid, of a kind it does not read, or too large.
 * The message says what to fix; the web layer renders it as problem+json.
 */
public abstract sealed class DomainProblem extends RuntimeException
    permits NotFound, Forbidden, Conflict, InvalidInput, UnsupportedContent, TooLarge, OverLimit {

  DomainProblem(String message) {
    super(message);
  }
}
