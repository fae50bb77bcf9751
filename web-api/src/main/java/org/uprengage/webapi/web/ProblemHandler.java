package org.uprengage.webapi.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one advice: every failure in a controller as problem+json ({@link ApiProblem}s as they are,
 * Spring MVC's own failures translated); bad input names each field at fault in {@code errors}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  private static final URI ABOUT_BLANK = URI.create("about:blank");

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
    return answer(
        ApiProblem.invalid(
            e.getName(),
            "is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName())),
        new HttpHeaders(),
        request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    log.error("Unexpected failure", e);
    return answer(ApiProblem.internal(), new HttpHeaders(), request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<ApiProblem.FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(
                f -> new ApiProblem.FieldError(f.getField(), String.valueOf(f.getDefaultMessage())))
            .collect(Collectors.toList());
    return answer(ApiProblem.invalid(errors), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<ApiProblem.FieldError> errors =
        e.getParameterValidationResults().stream().flatMap(ProblemHandler::fieldErrors).toList();
    return answer(ApiProblem.invalid(errors), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return answer(
        ApiProblem.of(
            HttpStatus.NOT_FOUND,
            "no-such-path",
            "No such path",
            "There is no "
                + e.getHttpMethod()
                + " /"
                + e.getResourcePath()
                + "; every path of the API is listed at /v3/api-docs (Swagger UI: /swagger-ui.html)."),
        headers,
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ApiProblem problem;
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      problem = ApiProblem.invalid(path(unknown), "is not a known field");
    } else if (e.getCause() instanceof JsonMappingException mapping
        && !mapping.getPath().isEmpty()) {
      problem = ApiProblem.invalid(path(mapping), "has the wrong type or format");
    } else {
      problem = ApiProblem.invalid("body", "is not valid JSON");
    }
    return answer(problem, headers, request);
  }

  /**
   * Spring MVC's own failures (a wrong method or media type, say) get a type of this API's too,
   * named after their status, so that every problem reads the same way.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> answer =
        super.handleExceptionInternal(e, body, headers, status, request);
    if (answer != null
        && !(e instanceof ApiProblem) // ours, or a service's passed through as it is
        && answer.getBody() instanceof ProblemDetail problem
        && ABOUT_BLANK.equals(problem.getType())) {
      problem.setType(URI.create(ApiProblem.TYPE_BASE + slug(answer.getStatusCode())));
    }
    return answer;
  }

  private static String slug(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null
        ? "http-" + status.value()
        : known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private ResponseEntity<Object> answer(
      ApiProblem problem, HttpHeaders headers, WebRequest request) {
    return handleExceptionInternal(problem, null, headers, problem.getStatusCode(), request);
  }

  /**
   * The fields at fault in one parameter: a body's own fields where the body was invalid (as {@code
   * text} of a comment), else the parameter itself (a path or query value).
   */
  private static Stream<ApiProblem.FieldError> fieldErrors(ParameterValidationResult result) {
    if (result instanceof ParameterErrors body && body.hasFieldErrors()) {
      return body.getFieldErrors().stream()
          .map(
              error ->
                  new ApiProblem.FieldError(
                      error.getField(), String.valueOf(error.getDefaultMessage())));
    }
    return result.getResolvableErrors().stream()
        .map(
            error ->
                new ApiProblem.FieldError(
                    result.getMethodParameter().getParameterName(),
                    String.valueOf(error.getDefaultMessage())));
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
