package org.uprengage.webapi.backend;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The shapes of web-api's answers to a relayed call, so each controller says them one way. */
public final class Relayed {

  private Relayed() {}

  /** 200 with the service's body and its ETag (the version to send back in If-Match). */
  public static <T> ResponseEntity<T> withVersion(ResponseEntity<T> answer) {
    return ResponseEntity.status(HttpStatus.OK).headers(etagOf(answer)).body(answer.getBody());
  }

  /** 201 with the new resource's address: this request's, with {@code id} added. */
  public static <T> ResponseEntity<T> created(T body, Object id) {
    return ResponseEntity.created(location(id)).body(body);
  }

  /** As {@link #created(Object, Object)}, with the service's ETag. */
  public static <T> ResponseEntity<T> created(ResponseEntity<T> answer, Object id) {
    return ResponseEntity.created(location(id)).headers(etagOf(answer)).body(answer.getBody());
  }

  private static URI location(Object id) {
    return ServletUriComponentsBuilder.fromCurrentRequest()
        .path("/{id}")
        .buildAndExpand(id)
        .toUri();
  }

  private static HttpHeaders etagOf(ResponseEntity<?> answer) {
    HttpHeaders headers = new HttpHeaders();
    if (answer.getHeaders().getETag() != null) {
      headers.setETag(answer.getHeaders().getETag());
    }
    return headers;
  }
}
