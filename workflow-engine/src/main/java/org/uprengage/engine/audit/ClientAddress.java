package org.uprengage.engine.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Where a request came from. {@code X-Forwarded-For} is believed only as far as trusted proxies
 * ({@code upr.security.trusted-proxies}: addresses or CIDR ranges, by default loopback, i.e.
 * web-api on the same host) wrote it: read from the right, the first address that is not a trusted
 * proxy is the client. A request from anyone else is recorded with its peer's address, whatever it
 * claims.
 */
@Component
class ClientAddress {

  static final String FORWARDED_FOR = "X-Forwarded-For";

  private final List<IpAddressMatcher> trustedProxies;

  ClientAddress(@Value("${upr.security.trusted-proxies}") List<String> proxies) {
    this.trustedProxies =
        proxies.stream()
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .map(IpAddressMatcher::new)
            .toList();
  }

  String of(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    if (!trusted(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    request
        .getHeaders(FORWARDED_FOR)
        .asIterator()
        .forEachRemaining(header -> hops.addAll(List.of(header.split(","))));
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i).strip();
      if (!isIpAddress(hop)) {
        break; // not an address a proxy writes: the last proxy before it is all we know
      }
      client = hop;
      if (!trusted(hop)) {
        break;
      }
    }
    return client;
  }

  private boolean trusted(String address) {
    return isIpAddress(address)
        && trustedProxies.stream().anyMatch(proxy -> proxy.matches(address));
  }

  /** An IPv4 or IPv6 literal, so that matching it never looks a name up. */
  private static boolean isIpAddress(String value) {
    return !value.isEmpty()
        && value.length() <= 45
        && (value.matches("\\d{1,3}(\\.\\d{1,3}){3}")
            || value.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"));
  }
}
