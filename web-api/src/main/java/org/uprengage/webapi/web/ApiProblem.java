package org.uprengage.webapi.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.ErrorResponseException;

/**
 * The one way web-api says something failed: an RFC 7807 problem, thrown from controllers (and
 * rendered by {@link ProblemHandler}) or written by the filters that answer before Spring MVC.
 */
public class ApiProblem extends ErrorResponseException {

  public static final String TYPE_BASE = "https://uprengage.org/problems/";

  // Spring's builder registers the mix-in that writes a problem's properties at the top level.
  private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

  private ApiProblem(HttpStatusCode status, ProblemDetail problem, Throwable cause) {
    super(status, problem, cause);
  }

  /** A problem of web-api's own: {@code type} is the last segment of its type URI. */
  public static ApiProblem of(HttpStatus status, String type, String title, String detail) {
    return of(status, type, title, detail, null);
  }

  private static ApiProblem of(
      HttpStatus status, String type, String title, String detail, Throwable cause) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return new ApiProblem(status, problem, cause);
  }

  /**
   * A service's failure, passed on: its status and its problem+json body unchanged, or where the
   * body is no problem, a problem saying what the service answered.
   */
  public static ApiProblem relayed(String service, HttpStatusCode status, byte[] body) {
    ProblemDetail problem;
    try {
      problem = JSON.readValue(body, ProblemDetail.class);
    } catch (IOException notAProblem) {
      problem =
          ProblemDetail.forStatusAndDetail(
              status,
              "The "
                  + service
                  + " answered "
                  + status.value()
                  + ": "
                  + new String(body, StandardCharsets.UTF_8));
    }
    problem.setStatus(status.value());
    return new ApiProblem(status, problem, null);
  }

  public static ApiProblem invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  /** Bad input: {@code errors} names each field at fault and what is wrong with it. */
  public static ApiProblem invalid(List<FieldError> errors) {
    ApiProblem problem =
        of(
            HttpStatus.BAD_REQUEST,
            "invalid-input",
            "Invalid input",
            errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid");
    problem.getBody().setProperty("errors", errors.stream().map(FieldError::asMap).toList());
    return problem;
  }

  public static ApiProblem forbidden(String detail) {
    return of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
  }

  public static ApiProblem notFound(String title, String detail) {
    return of(HttpStatus.NOT_FOUND, "not-found", title, detail);
  }

  /** A service behind web-api did not answer in time, or this node has no room for the call. */
  public static ApiProblem unavailable(String detail, Throwable cause) {
    return of(
        HttpStatus.SERVICE_UNAVAILABLE,
        "service-unavailable",
        "Service unavailable",
        detail,
        cause);
  }

  /** A service behind web-api answered something web-api cannot pass on. */
  public static ApiProblem badGateway(String detail, Throwable cause) {
    return of(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway", detail, cause);
  }

  /** Too many requests of one kind lately; {@code Retry-After} says when to try again. */
  public static ApiProblem tooManyRequests(
      String type, String title, String detail, long retryAfterSeconds) {
    ApiProblem problem = of(HttpStatus.TOO_MANY_REQUESTS, type, title, detail);
    problem.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
    return problem;
  }

  public static ApiProblem internal() {
    return of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal",
        "Internal error",
        "The request failed on our side and was logged; try again later.");
  }

  /**
   * Writes the problem as the whole answer, with its headers: for the filters that answer before a
   * controller is reached.
   */
  public void writeTo(HttpServletResponse response) throws IOException {
    response.setStatus(getStatusCode().value());
    getHeaders()
        .forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), getBody());
  }

  /** One field at fault and what is wrong with it. */
  public record FieldError(String field, String message) {

    Map<String, String> asMap() {
      return Map.of("field", field, "message", message);
    }
  }
}
