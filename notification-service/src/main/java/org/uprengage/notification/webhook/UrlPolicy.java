package org.uprengage.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which URLs a webhook may call, against server-side request forgery: http(s) only, no user info,
 * the configured hosts only (when listed), and no loopback, private, shared (carrier-grade NAT),
 * benchmarking, reserved, link-local or multicast address unless allowed, nor an IPv6 address that
 * embeds an IPv4 one (IPv4-compatible, NAT64, 6to4, Teredo). Checked when a subscription is made;
 * at delivery, the host is resolved once, by {@link #vettedAddresses}, and the connection goes to
 * those vetted addresses only (a host name answering differently the second time, DNS rebinding,
 * gains nothing).
 */
@Component
class UrlPolicy {

  /** How host names are resolved: the system's resolver, or a test's. */
  @FunctionalInterface
  interface HostLookup {
    InetAddress[] lookup(String host) throws UnknownHostException;
  }

  /** A host name that resolves to an address webhooks may not reach. */
  static final class RefusedAddressException extends UnknownHostException {
    RefusedAddressException(String reason) {
      super(reason);
    }
  }

  private final WebhookProperties properties;
  private final HostLookup lookup;

  @Autowired
  UrlPolicy(WebhookProperties properties) {
    this(properties, InetAddress::getAllByName);
  }

  UrlPolicy(WebhookProperties properties, HostLookup lookup) {
    this.properties = properties;
    this.lookup = lookup;
  }

  /** Why {@code url} may not be called, its host resolved now; empty when it may. */
  Optional<String> refusal(String url) {
    Optional<String> refusal = formRefusal(url);
    if (refusal.isPresent()) {
      return refusal;
    }
    try {
      vettedAddresses(URI.create(url).getHost());
      return Optional.empty();
    } catch (RefusedAddressException e) {
      return Optional.of(e.getMessage());
    } catch (UnknownHostException e) {
      return Optional.of("names a host that does not resolve");
    }
  }

  /** Why {@code url} may not be called, judged by its form alone (no name is resolved). */
  Optional<String> formRefusal(String url) {
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
    return Optional.empty();
  }

  /**
   * The addresses of {@code host}, resolved once, every one of them allowed; the HTTP client
   * connects to these and only these.
   *
   * @throws RefusedAddressException when one of them may not be reached
   * @throws UnknownHostException when the name does not resolve
   */
  InetAddress[] vettedAddresses(String host) throws UnknownHostException {
    String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses = lookup.lookup(name);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException("no address");
    }
    for (InetAddress address : addresses) {
      Optional<String> refusal = refusal(address);
      if (refusal.isPresent()) {
        throw new RefusedAddressException(refusal.get());
      }
    }
    return addresses;
  }

  /** Why {@code address} may not be reached; empty when it may. */
  Optional<String> refusal(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return properties.allowLoopback()
          ? Optional.empty()
          : Optional.of("must not point at this machine (loopback)");
    }
    if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
      return Optional.of("must not point at a wildcard or multicast address");
    }
    if (embedsIpv4(address)) {
      return Optional.of("must not point at an IPv6 address that embeds an IPv4 one");
    }
    if (!properties.allowPrivateNetworks()
        && (address.isSiteLocalAddress()
            || address.isLinkLocalAddress()
            || uniqueLocal(address)
            || specialPurposeIpv4(address))) {
      return Optional.of("must not point at a private, shared, reserved or link-local address");
    }
    return Optional.empty();
  }

  /** IPv6 unique local addresses, fc00::/7, which Java does not count as site-local. */
  private static boolean uniqueLocal(InetAddress address) {
    return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
  }

  /**
   * 0.0.0.0/8 (this network), 100.64.0.0/10 (shared, carrier-grade NAT), 192.0.0.0/24 (IETF
   * protocol assignments), 198.18.0.0/15 (benchmarking), 240.0.0.0/4 (reserved, and broadcast).
   */
  private static boolean specialPurposeIpv4(InetAddress address) {
    if (!(address instanceof Inet4Address)) {
      return false;
    }
    byte[] b = address.getAddress();
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0
        || (first == 100 && (second & 0xc0) == 64)
        || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
        || (first == 198 && (second & 0xfe) == 18)
        || first >= 240;
  }

  /**
   * IPv4-compatible ::a.b.c.d (::/96), NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16 and
   * Teredo 2001::/32: each reaches an IPv4 address the checks above would judge instead. (Java
   * turns IPv4-mapped ::ffff:a.b.c.d into the IPv4 address itself.)
   */
  private static boolean embedsIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return false;
    }
    byte[] b = address.getAddress();
    boolean firstTwelveZero = true;
    for (int i = 0; i < 12; i++) {
      firstTwelveZero &= b[i] == 0;
    }
    int word0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    int word1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    int word2 = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
    return firstTwelveZero
        || (word0 == 0x64 && word1 == 0xff9b && (word2 == 0 || word2 == 1))
        || word0 == 0x2002
        || (word0 == 0x2001 && word1 == 0);
  }
}
