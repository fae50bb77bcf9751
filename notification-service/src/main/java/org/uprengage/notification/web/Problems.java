package org.uprengage.notification.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 7807 problems the controllers answer with: invalid fields, not found, forbidden. */
public final class Problems {

  private Problems() {}

  /** One field at fault. */
  public record FieldError(String field, String message) {}

  public static ErrorResponseException invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  /** 400 naming every field at fault, in {@code errors[]}. */
  public static ErrorResponseException invalid(List<FieldError> errors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()));
    problem.setTitle("Invalid input");
    problem.setProperty(
        "errors",
        errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }

  public static ErrorResponseException notFound(String title, String detail) {
    return problem(HttpStatus.NOT_FOUND, title, detail);
  }

  public static ErrorResponseException forbidden(String detail) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
  }

  public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
  }
}
