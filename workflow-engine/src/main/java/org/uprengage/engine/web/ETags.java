package org.uprengage.engine.web;

import org.springframework.http.ResponseEntity;
import org.uprengage.engine.problem.InvalidInput;

/**
 * Versions on the wire: an answer names the version of what it shows in its ETag; a change sent
 * with that version in If-Match is made only on the object as the caller saw it.
 */
public final class ETags {

  private ETags() {}

  /** 200 with the body and, where it has one, its version as ETag. */
  public static <T> ResponseEntity<T> ok(T body, Integer version) {
    ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
    if (version != null) {
      ok.eTag(String.valueOf(version));
    }
    return ok.body(body);
  }

  /**
   * The version an If-Match header names ({@code "3"} or {@code W/"3"}), or null for none.
   *
   * @param what what the version is of, for the caller who sent something else (such as {@code "a
   *     task version from its ETag"})
   */
  public static Integer ifMatch(String header, String what) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip().replaceFirst("^W/", "").replace("\"", "");
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new InvalidInput("If-Match", "must be " + what + ", such as \"3\"");
    }
  }
}
