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
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.problem.DomainProblem;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.InvalidInput;

/**
 * Turns every failure into problem+json: the domain's problems as {@link ProblemDetails} says, the
 * framework's bad input as invalid input naming the field; unexpected ones say nothing of the
 * internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(DomainProblem.class)
  ResponseEntity<Object> domainProblem(DomainProblem problem, WebRequest request) {
    return answer(problem, ProblemDetails.of(problem), new HttpHeaders(), request);
  }

  @ExceptionHandler({OptimisticLockingException.class, TaskAlreadyClaimedException.class})
  ResponseEntity<Object> concurrentChange(RuntimeException e, WebRequest request) {
    return domainProblem(
        new Conflict("Someone else changed this at the same time; look at it again."), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
    return domainProblem(
        new InvalidInput(
            e.getName(),
            "is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName())),
        request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    log.error("Unexpected failure", e);
    return answer(e, ProblemDetails.internal(), new HttpHeaders(), request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
            .collect(Collectors.toList());
    return answer(e, ProblemDetails.of(new InvalidInput(errors)), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return answer(e, ProblemDetails.of(unreadable(e)), headers, request);
  }

  private ResponseEntity<Object> answer(
      Exception e, ProblemDetail body, HttpHeaders headers, WebRequest request) {
    return handleExceptionInternal(
        e, body, headers, HttpStatusCode.valueOf(body.getStatus()), request);
  }

  private static InvalidInput unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      return new InvalidInput(path(unknown), "is not a known field");
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return new InvalidInput(path(mapping), "has the wrong type or format");
    }
    return new InvalidInput("body", "is not valid JSON");
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
