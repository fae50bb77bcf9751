package org.uprengage.notification.web;

import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.ErrorResponseException;

/**
 * The one way this service reports a problem: RFC 7807 problem details, {@code
 * application/problem+json}, for invalid fields (each named in {@code errors[]}), not found,
 * forbidden, conflicts and the rest. Controllers throw what these methods make; filters that answer
 * before any controller write {@link #tooLarge} through {@link #write}.
 */
public final class Problems {

  /** Writes problems as Spring MVC does: their properties at the top level, nulls left out. */
  private static final ObjectMapper json =
      Jackson2ObjectMapperBuilder.json().serializationInclusion(Include.NON_NULL).build();

  /** The type web-api gives the same problem. */
  static final URI BODY_TOO_LARGE = URI.create("https://uprengage.org/problems/body-too-large");

  private Problems() {}

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

  /** 413: the request body is larger than {@code limitBytes}. */
  public static ErrorResponseException tooLarge(long limitBytes) {
    ErrorResponseException tooLarge =
        problem(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "Body too large",
            "The request body is larger than " + limitBytes / 1024 + " KiB; send less.");
    tooLarge.getBody().setType(BODY_TOO_LARGE);
    return tooLarge;
  }

  /** Writes the problem as the whole response, where no controller answers (a filter). */
  public static void write(ErrorResponseException problem, HttpServletResponse response)
      throws IOException {
    response.setStatus(problem.getStatusCode().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem.getBody());
  }

  /** One field at fault. */
  public record FieldError(String field, String message) {}
}
