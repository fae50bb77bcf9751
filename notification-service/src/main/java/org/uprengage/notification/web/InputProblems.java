package org.uprengage.notification.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The framework's answers to bad input as {@link Problems#invalid} answers, naming the field: a
 * path or query value of the wrong type ({@code /api/webhooks/not-a-uuid}: {@code id}), a body
 * value of the wrong type ({@code {"reviewId":42}}: {@code reviewId}), a body that is not JSON
 * ({@code body}), as the engine and web-api answer them.
 */
@RestControllerAdvice
class InputProblems extends ResponseEntityExceptionHandler {

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
    return answer(
        e,
        Problems.invalid(
            e.getName(),
            "is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName())),
        new HttpHeaders(),
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ErrorResponseException invalid =
        e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
            ? Problems.invalid(path(mapping), "has the wrong type or format")
            : Problems.invalid("body", "is not valid JSON");
    return answer(e, invalid, headers, request);
  }

  private ResponseEntity<Object> answer(
      Exception e, ErrorResponseException problem, HttpHeaders headers, WebRequest request) {
    return handleExceptionInternal(e, problem.getBody(), headers, problem.getStatusCode(), request);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
