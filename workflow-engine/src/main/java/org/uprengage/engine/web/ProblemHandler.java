package org.uprengage.engine.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every failure into problem+json; unexpected ones say nothing of the internals. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler({OptimisticLockingException.class, TaskAlreadyClaimedException.class})
  ResponseEntity<Object> concurrentChange(RuntimeException e, WebRequest request) {
    return handleExceptionInternal(
        ApiProblem.conflict("Someone else changed this at the same time: " + e.getMessage()),
        null,
        new HttpHeaders(),
        HttpStatusCode.valueOf(409),
        request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
    ApiProblem problem =
        ApiProblem.invalid(
            e.getName(),
            "is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()));
    return handleExceptionInternal(
        problem, null, new HttpHeaders(), problem.getStatusCode(), request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    log.error("Unexpected failure", e);
    ApiProblem problem = ApiProblem.internal();
    return handleExceptionInternal(
        problem, null, new HttpHeaders(), problem.getStatusCode(), request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<ApiProblem.FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> new ApiProblem.FieldError(error.getField(), error.getDefaultMessage()))
            .collect(Collectors.toList());
    ApiProblem problem = ApiProblem.invalid(errors);
    return handleExceptionInternal(problem, null, headers, problem.getStatusCode(), request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ApiProblem problem = unreadable(e);
    return handleExceptionInternal(problem, null, headers, problem.getStatusCode(), request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    if (ex instanceof ApiProblem problem) {
      return super.handleExceptionInternal(
          ex, problem.getBody(), headers, problem.getStatusCode(), request);
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  static ApiProblem unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      return ApiProblem.invalid(path(unknown), "is not a known field");
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return ApiProblem.invalid(path(mapping), "has the wrong type or format");
    }
    return ApiProblem.invalid("body", "is not valid JSON");
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
