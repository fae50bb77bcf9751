package org.uprengage.engine.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a request came from. {@code X-Forwarded-For} is believed only as far as trusted proxies
 * wrote it ({@code upr.security.trusted-proxies}: a regular expression the whole address of a proxy
 * must match, as web-api's setting of the same name; by default loopback, i.e. web-api on the same
 * host): read from the right, the first address that is not a trusted proxy is the client. A
 * request from anyone else is recorded with its peer's address, whatever it claims.
 */
@Component
class ClientAddress {

  static final String FORWARDED_FOR = "X-Forwarded-For";

  private final Pattern trustedProxies;

  ClientAddress(@Value("${upr.security.trusted-proxies}") String trustedProxies) {
    this.trustedProxies = Pattern.compile(trustedProxies.strip());
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
    return isIpAddress(address) && trustedProxies.matcher(address).matches();
  }

  /** An IPv4 or IPv6 literal (what a proxy writes), not a name or anything else. */
  private static boolean isIpAddress(String value) {
    return value.length() <= 45
        && (value.matches("\\d{1,3}(\\.\\d{1,3}){3}")
            || value.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"));
  }
}
