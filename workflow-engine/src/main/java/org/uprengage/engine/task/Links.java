package org.uprengage.engine.task;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Links people give (a task's attachments, a progress update's evidence): only absolute http(s)
 * links of at most 2,000 characters, without credentials in them.
 */
public final class Links {

  private Links() {}

  /** Why the link is refused, or null. */
  public static String problem(String url) {
    if (url == null || url.isBlank()) {
      return "is required";
    }
    if (url.length() > TaskAttachment.MAX_URL) {
      return "must be at most " + TaskAttachment.MAX_URL + " characters";
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return "is not a valid link";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return "must be an http or https link";
    }
    if (uri.getHost() == null) {
      return "must name a host";
    }
    if (uri.getRawUserInfo() != null) {
      return "must not carry a user name or password";
    }
    return null;
  }
}
