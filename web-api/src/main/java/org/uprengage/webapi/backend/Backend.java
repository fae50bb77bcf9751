package org.uprengage.webapi.backend;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.uprengage.webapi.security.Callers;
import org.uprengage.webapi.web.ApiProblem;

/**
 * One service behind web-api, called as the current caller: their bearer token, the client's
 * address for the service's audit trail, and the service's problems passed through unchanged.
 */
public class Backend {

  /**
   * The headers of a service's answer that {@link #relay} passes on. Not its Location: that names
   * the service's own address; web-api's controllers give their own ({@link Relayed#created}).
   */
  private static final List<String> PASSED_THROUGH =
      List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ETAG);

  private final String name;
  private final RestClient client;
  private final Callers callers;

  Backend(String name, RestClient client, Callers callers) {
    this.name = name;
    this.client = client;
    this.callers = callers;
  }

  public <T> T get(String uri, Class<T> type, Object... variables) {
    return call(HttpMethod.GET, uri, null, null, null, answer -> answer.body(type), variables);
  }

  /** GETs a document of the media type given (a problem+json where the service refuses). */
  public byte[] document(String uri, MediaType mediaType, Object... variables) {
    return call(
        HttpMethod.GET,
        uri,
        List.of(mediaType, MediaType.APPLICATION_PROBLEM_JSON),
        null,
        null,
        null,
        answer -> answer.body(byte[].class),
        variables);
  }

  public <T> T get(String uri, ParameterizedTypeReference<T> type, Object... variables) {
    return call(HttpMethod.GET, uri, null, null, null, answer -> answer.body(type), variables);
  }

  /** POSTs {@code body} as JSON (nothing where null) and reads the answer as {@code type}. */
  public <T> T post(String uri, Object body, Class<T> type, Object... variables) {
    return exchange(HttpMethod.POST, uri, body, null, type, variables).getBody();
  }

  /** PUTs {@code body} as JSON and reads the answer as {@code type}. */
  public <T> T put(String uri, Object body, Class<T> type, Object... variables) {
    return exchange(HttpMethod.PUT, uri, body, null, type, variables).getBody();
  }

  public void delete(String uri, Object... variables) {
    exchange(HttpMethod.DELETE, uri, null, null, Void.class, variables);
  }

  /**
   * Sends {@code body} as JSON (nothing where null) with the caller's {@code If-Match} (none where
   * null), and returns the whole answer: status, headers such as ETag, body.
   */
  public <T> ResponseEntity<T> exchange(
      HttpMethod method,
      String uri,
      Object body,
      String ifMatch,
      Class<T> type,
      Object... variables) {
    return exchange(method, uri, MediaType.APPLICATION_JSON, body, ifMatch, type, variables);
  }

  /** As {@link #exchange(HttpMethod, String, Object, String, Class, Object...)}, any body type. */
  public <T> ResponseEntity<T> exchange(
      HttpMethod method,
      String uri,
      MediaType contentType,
      Object body,
      String ifMatch,
      Class<T> type,
      Object... variables) {
    return call(
        method, uri, contentType, body, ifMatch, answer -> answer.toEntity(type), variables);
  }

  /**
   * Relays a call and passes the service's answer through as it came: its status, its Content-Type
   * and ETag, and its body's bytes, which web-api neither reads nor writes again. For the API's
   * relays, where web-api's answer is the service's; a problem passes through as with every other
   * call. Sends {@code body} as JSON (nothing where null) with the caller's {@code If-Match} (none
   * where null).
   */
  public ResponseEntity<byte[]> relay(
      HttpMethod method, String uri, Object body, String ifMatch, Object... variables) {
    ResponseEntity<byte[]> answer =
        call(
            method,
            uri,
            MediaType.APPLICATION_JSON,
            body,
            ifMatch,
            response -> response.toEntity(byte[].class),
            variables);
    HttpHeaders headers = new HttpHeaders();
    for (String name : PASSED_THROUGH) {
      List<String> values = answer.getHeaders().get(name);
      if (values != null) {
        headers.put(name, values);
      }
    }
    return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
  }

  private <T> T call(
      HttpMethod method,
      String uri,
      MediaType contentType,
      Object body,
      String ifMatch,
      Function<RestClient.ResponseSpec, T> read,
      Object... variables) {
    return call(
        method,
        uri,
        List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON),
        contentType,
        body,
        ifMatch,
        read,
        variables);
  }

  private <T> T call(
      HttpMethod method,
      String uri,
      List<MediaType> accept,
      MediaType contentType,
      Object body,
      String ifMatch,
      Function<RestClient.ResponseSpec, T> read,
      Object... variables) {
    try {
      RestClient.RequestBodySpec request =
          client
              .method(method)
              .uri(uri, variables)
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + callers.bearerToken())
              .accept(accept.toArray(MediaType[]::new));
      String clientAddress = clientAddress();
      if (clientAddress != null) {
        request.header("X-Forwarded-For", clientAddress);
      }
      if (ifMatch != null) {
        request.header(HttpHeaders.IF_MATCH, ifMatch);
      }
      if (body != null) {
        request.contentType(contentType).body(body);
      }
      return read.apply(request.retrieve().onStatus(HttpStatusCode::isError, this::fail));
    } catch (ResourceAccessException e) {
      throw ApiProblem.unavailable("The " + name + " did not answer; try again shortly.", e);
    } catch (RestClientException e) {
      throw ApiProblem.badGateway("The " + name + " answered something web-api could not read.", e);
    }
  }

  /**
   * The client's address, for the services' audit trails: the peer of this request, or the client a
   * trusted proxy in front of web-api named (Tomcat resolves X-Forwarded-For only from the proxies
   * in {@code UPR_TRUSTED_PROXIES}). Never what the client itself claims.
   */
  private static String clientAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
      return current.getRequest().getRemoteAddr();
    }
    return null;
  }

  /** Passes the service's problem through: its status and its problem+json body. */
  private void fail(HttpRequest request, ClientHttpResponse response) throws IOException {
    throw ApiProblem.relayed(name, response.getStatusCode(), response.getBody().readAllBytes());
  }
}
