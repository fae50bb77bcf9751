package org.uprengage.engine.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.problem.DomainProblem;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.problem.OverLimit;
import org.uprengage.engine.problem.TooLarge;
import org.uprengage.engine.problem.UnsupportedContent;

/** The problem+json body of each problem: its status, type, title and detail. */
public final class ProblemDetails {

  static final String TYPE_BASE = "https://uprengage.org/problems/";

  private ProblemDetails() {}

  /** The body that tells the caller of a domain problem what to fix. */
  public static ProblemDetail of(DomainProblem problem) {
    if (problem instanceof NotFound notFound) {
      return body(HttpStatus.NOT_FOUND, "not-found", notFound.what() + " not found", problem);
    }
    if (problem instanceof Forbidden) {
      return body(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", problem);
    }
    if (problem instanceof Conflict conflict) {
      ProblemDetail body =
          body(HttpStatus.CONFLICT, "conflict", "Conflict with the current state", problem);
      if (conflict.current() != null) {
        body.setProperty("current", conflict.current());
      }
      return body;
    }
    if (problem instanceof UnsupportedContent) {
      return body(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-content", "Unsupported content", problem);
    }
    if (problem instanceof TooLarge) {
      return body(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Body too large", problem);
    }
    if (problem instanceof OverLimit over) {
      ProblemDetail body =
          body(HttpStatus.UNPROCESSABLE_ENTITY, "over-limit", "Over the limit", problem);
      body.setProperty("actual", over.actual());
      body.setProperty("limit", over.limit());
      body.setProperty(
          "errors",
          List.of(
              new FieldError(
                  over.overrideField(),
                  "give a reason to go ahead over the limit ("
                      + over.actual()
                      + " > "
                      + over.limit()
                      + ")")));
      return body;
    }
    ProblemDetail body = body(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", problem);
    body.setProperty("errors", ((InvalidInput) problem).errors());
    return body;
  }

  /** The body of a failure on our side, which says nothing of the internals. */
  static ProblemDetail internal() {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "The request failed on our side and was logged; try again later.");
    body.setType(URI.create(TYPE_BASE + "internal"));
    body.setTitle("Internal error");
    return body;
  }

  private static ProblemDetail body(
      HttpStatus status, String type, String title, DomainProblem problem) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, problem.getMessage());
    body.setType(URI.create(TYPE_BASE + type));
    body.setTitle(title);
    return body;
  }
}
