package org.uprengage.webapi.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every failure as problem+json; bad input names each field at fault in {@code errors}. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  static final String TYPE_BASE = "https://uprengage.org/problems/";
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  static ProblemDetail invalid(List<Map<String, String>> errors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            errors.size() == 1
                ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
                : errors.size() + " fields are invalid");
    problem.setType(URI.create(TYPE_BASE + "invalid-input"));
    problem.setTitle("Invalid input");
    problem.setProperty("errors", errors);
    return problem;
  }

  private static Map<String, String> error(String field, String message) {
    return Map.of("field", field, "message", message);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
    ProblemDetail problem =
        invalid(
            List.of(
                error(
                    e.getName(),
                    "is not a valid "
                        + (e.getRequiredType() == null
                            ? "value"
                            : e.getRequiredType().getSimpleName()))));
    return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    log.error("Unexpected failure", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "The request failed on our side and was logged; try again later.");
    problem.setType(URI.create(TYPE_BASE + "internal"));
    problem.setTitle("Internal error");
    return handleExceptionInternal(
        e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> error(f.getField(), String.valueOf(f.getDefaultMessage())))
            .collect(Collectors.toList());
    return handleExceptionInternal(e, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                error(
                                    result.getMethodParameter().getParameterName(),
                                    String.valueOf(error.getDefaultMessage()))))
            .collect(Collectors.toList());
    return handleExceptionInternal(e, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      org.springframework.web.servlet.resource.NoResourceFoundException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "There is no "
                + e.getHttpMethod()
                + " /"
                + e.getResourcePath()
                + "; every path of the API is listed at /v3/api-docs (Swagger UI: /swagger-ui.html).");
    problem.setType(URI.create(TYPE_BASE + "no-such-path"));
    problem.setTitle("No such path");
    return handleExceptionInternal(e, problem, headers, HttpStatus.NOT_FOUND, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Map<String, String> error;
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      error = error(path(unknown), "is not a known field");
    } else if (e.getCause() instanceof JsonMappingException mapping
        && !mapping.getPath().isEmpty()) {
      error = error(path(mapping), "has the wrong type or format");
    } else {
      error = error("body", "is not valid JSON");
    }
    return handleExceptionInternal(
        e, invalid(List.of(error)), headers, HttpStatus.BAD_REQUEST, request);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
