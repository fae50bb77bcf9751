package org.uprengage.notification.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription as its owners see it. {@code secret} is only there in the answer to its
 * creation; {@code disabledReason} says why deliveries stopped.
 */
public record Subscription(
    UUID id,
    String countryTeam,
    String agency,
    String url,
    List<String> eventKinds,
    String status,
    String disabledReason,
    Instant disabledAt,
    int consecutiveFailures,
    String owner,
    Instant createdAt,
    String secret) {

  /**
   * The subscription as {@code viewer} sees it: anyone but its creator sees its URL's scheme, host
   * and port only, as its path and query may carry credentials.
   */
  Subscription seenBy(String viewer) {
    return owner.equals(viewer) ? this : with(masked(url), secret);
  }

  /** {@code https://hooks.example.org/...}: the origin, and a mark where the rest was. */
  static String masked(String url) {
    try {
      URI uri = new URI(url);
      String origin =
          uri.getScheme()
              + "://"
              + uri.getHost()
              + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
      boolean more =
          (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
              || uri.getRawQuery() != null
              || uri.getRawFragment() != null;
      return origin + (more ? "/..." : "/");
    } catch (URISyntaxException e) {
      return "(hidden)";
    }
  }

  Subscription withSecret(String secret) {
    return with(url, secret);
  }

  private Subscription with(String url, String secret) {
    return new Subscription(
        id,
        countryTeam,
        agency,
        url,
        eventKinds,
        status,
        disabledReason,
        disabledAt,
        consecutiveFailures,
        owner,
        createdAt,
        secret);
  }
}
