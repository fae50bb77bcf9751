package org.uprengage.notification.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which URLs a webhook may call, against server-side request forgery: http(s) only, no user info,
 * the configured hosts only (when listed), and no loopback, private, link-local or multicast
 * address unless allowed. Checked when a subscription is made and again before every delivery (a
 * host name may since resolve elsewhere).
 */
@Component
class UrlPolicy {

  private final WebhookProperties properties;

  UrlPolicy(WebhookProperties properties) {
    this.properties = properties;
  }

  /** Why {@code url} may not be called; empty when it may. */
  Optional<String> refusal(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return Optional.of("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry a user name or password");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (!properties.allowedHosts().isEmpty()
        && properties.allowedHosts().stream()
            .noneMatch(allowed -> allowed.equalsIgnoreCase(host))) {
      return Optional.of("must use one of the allowed hosts " + properties.allowedHosts());
    }
    InetAddress[] addresses;
    try {
      addresses =
          InetAddress.getAllByName(
              host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException e) {
      return Optional.of("names a host that does not resolve");
    }
    for (InetAddress address : addresses) {
      if (address.isLoopbackAddress() && !properties.allowLoopback()) {
        return Optional.of("must not point at this machine (loopback)");
      }
      if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
        return Optional.of("must not point at a wildcard or multicast address");
      }
      if (!properties.allowPrivateNetworks()
          && (address.isSiteLocalAddress()
              || address.isLinkLocalAddress()
              || uniqueLocal(address))) {
        return Optional.of("must not point at a private or link-local network address");
      }
    }
    return Optional.empty();
  }

  /** IPv6 unique local addresses, fc00::/7, which Java does not count as site-local. */
  private static boolean uniqueLocal(InetAddress address) {
    return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
  }
}
