package org.uprengage.webapi.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.uprengage.webapi.security.Callers;

/** One service behind web-api, called as the current caller. */
public class Backend {

  private final String name;
  private final RestClient client;
  private final Callers callers;
  private final ObjectMapper json;

  Backend(String name, RestClient client, Callers callers, ObjectMapper json) {
    this.name = name;
    this.client = client;
    this.callers = callers;
    this.json = json;
  }

  public <T> T get(String uri, Class<T> type, Object... variables) {
    return call(
        () ->
            authorized(client.get().uri(uri, variables))
                .retrieve()
                .onStatus(HttpStatusCode::isError, this::fail)
                .body(type));
  }

  public <T> T get(String uri, ParameterizedTypeReference<T> type, Object... variables) {
    return call(
        () ->
            authorized(client.get().uri(uri, variables))
                .retrieve()
                .onStatus(HttpStatusCode::isError, this::fail)
                .body(type));
  }

  /**
   * POSTs {@code body} (none where null) and reads the answer as {@code type} (none where null).
   */
  public <T> T post(String uri, Object body, Class<T> type, Object... variables) {
    return call(
        () -> {
          RestClient.RequestBodySpec request = client.post().uri(uri, variables);
          authorized(request);
          if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
          }
          RestClient.ResponseSpec response =
              request.retrieve().onStatus(HttpStatusCode::isError, this::fail);
          if (type == null) {
            response.toBodilessEntity();
            return null;
          }
          return response.body(type);
        });
  }

  /**
   * Sends {@code body} with the content type and headers given, and returns the whole answer
   * (status, headers such as ETag, body).
   */
  public <T> ResponseEntity<T> exchange(
      HttpMethod method,
      String uri,
      MediaType contentType,
      Object body,
      Map<String, String> headers,
      Class<T> type,
      Object... variables) {
    return call(
        () -> {
          RestClient.RequestBodySpec request = client.method(method).uri(uri, variables);
          authorized(request);
          headers.forEach(request::header);
          if (body != null) {
            request.contentType(contentType).body(body);
          }
          return request.retrieve().onStatus(HttpStatusCode::isError, this::fail).toEntity(type);
        });
  }

  private <S extends RestClient.RequestHeadersSpec<?>> S authorized(S request) {
    request.header(HttpHeaders.AUTHORIZATION, "Bearer " + callers.bearerToken());
    String client = clientAddress();
    if (client != null) {
      request.header("X-Forwarded-For", client);
    }
    request.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
    return request;
  }

  /**
   * The chain of addresses the current request came through, for the services' audit trails: what
   * arrived in X-Forwarded-For (from a proxy in front of web-api), then the peer's address.
   */
  private static String clientAddress() {
    if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
        instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
      jakarta.servlet.http.HttpServletRequest request = attributes.getRequest();
      String forwarded = request.getHeader("X-Forwarded-For");
      return forwarded == null || forwarded.isBlank()
          ? request.getRemoteAddr()
          : forwarded + ", " + request.getRemoteAddr();
    }
    return null;
  }

  private <T> T call(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (ResourceAccessException e) {
      throw unavailable(
          HttpStatus.SERVICE_UNAVAILABLE,
          "service-unavailable",
          "The " + name + " did not answer; try again shortly.",
          e);
    } catch (RestClientException e) {
      throw unavailable(
          HttpStatus.BAD_GATEWAY,
          "bad-gateway",
          "The " + name + " answered something web-api could not read.",
          e);
    }
  }

  private static ErrorResponseException unavailable(
      HttpStatus status, String type, String detail, Exception cause) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://uprengage.org/problems/" + type));
    problem.setTitle(status.getReasonPhrase());
    return new ErrorResponseException(status, problem, cause);
  }

  /** Passes the service's problem through: its status and its problem+json body. */
  private void fail(org.springframework.http.HttpRequest request, ClientHttpResponse response)
      throws IOException {
    HttpStatusCode status = response.getStatusCode();
    byte[] body = response.getBody().readAllBytes();
    ProblemDetail problem;
    try {
      problem = json.readValue(body, ProblemDetail.class);
    } catch (IOException notAProblem) {
      problem =
          ProblemDetail.forStatusAndDetail(
              status,
              "The "
                  + name
                  + " answered "
                  + status.value()
                  + ": "
                  + new String(body, StandardCharsets.UTF_8));
    }
    problem.setStatus(status.value());
    throw new ErrorResponseException(status, problem, null);
  }
}
