package org.uprengage.engine.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A failure the caller can act on, rendered as problem+json. */
public class ApiProblem extends ErrorResponseException {

  static final String TYPE_BASE = "https://uprengage.org/problems/";

  private ApiProblem(HttpStatus status, String type, String title, String detail) {
    super(status, problem(status, type, title, detail), null);
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  public static ApiProblem notFound(String what, Object id) {
    return new ApiProblem(
        HttpStatus.NOT_FOUND,
        "not-found",
        what + " not found",
        "No " + what.toLowerCase() + " " + id + " is visible to you.");
  }

  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
  }

  public static ApiProblem conflict(String detail) {
    return new ApiProblem(
        HttpStatus.CONFLICT, "conflict", "Conflict with the current state", detail);
  }

  /** A conflict that tells the loser what the object looks like now. */
  public static ApiProblem conflict(String detail, Object current) {
    ApiProblem problem = conflict(detail);
    problem.getBody().setProperty("current", current);
    return problem;
  }

  public static ApiProblem internal() {
    return new ApiProblem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal",
        "Internal error",
        "The request failed on our side and was logged; try again later.");
  }

  public static ApiProblem invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public static ApiProblem invalid(List<FieldError> errors) {
    ApiProblem problem =
        new ApiProblem(
            HttpStatus.BAD_REQUEST,
            "invalid-input",
            "Invalid input",
            errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid");
    problem.getBody().setProperty("errors", errors.stream().map(FieldError::asMap).toList());
    return problem;
  }

  /** One field at fault and what is wrong with it. */
  public record FieldError(String field, String message) {
    Map<String, String> asMap() {
      return Map.of("field", field, "message", message);
    }
  }
}
