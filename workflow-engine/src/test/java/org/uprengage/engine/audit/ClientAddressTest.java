package org.uprengage.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Where a request came from, believing X-Forwarded-For only as far as trusted proxies wrote it. */
class ClientAddressTest {

  private final ClientAddress loopbackOnly =
      new ClientAddress("127\\.\\d+\\.\\d+\\.\\d+|0:0:0:0:0:0:0:1|::1");

  @Test
  void aPeerThatIsNoTrustedProxyIsTheClientWhateverItForwards() {
    assertThat(loopbackOnly.of(request("203.0.113.5", "198.51.100.77"))).isEqualTo("203.0.113.5");
    assertThat(loopbackOnly.of(request("203.0.113.5", null))).isEqualTo("203.0.113.5");
  }

  @Test
  void throughTrustedProxiesTheClientIsTheFirstAddressFromTheRightThatIsNoProxy() {
    assertThat(loopbackOnly.of(request("127.0.0.1", "198.51.100.77"))).isEqualTo("198.51.100.77");
    assertThat(loopbackOnly.of(request("0:0:0:0:0:0:0:1", "198.51.100.77")))
        .isEqualTo("198.51.100.77");
    assertThat(loopbackOnly.of(request("127.0.0.1", "198.51.100.66, 203.0.113.9, 127.0.0.2")))
        .isEqualTo("203.0.113.9");
    assertThat(loopbackOnly.of(request("127.0.0.1", "127.0.0.3, 127.0.0.2")))
        .as("every hop a proxy: the first one")
        .isEqualTo("127.0.0.3");
    assertThat(loopbackOnly.of(request("127.0.0.1", null))).isEqualTo("127.0.0.1");
  }

  @Test
  void whatIsNoAddressEndsTheChainAtTheLastProxy() {
    assertThat(loopbackOnly.of(request("127.0.0.1", "evil.example.org, 127.0.0.2")))
        .isEqualTo("127.0.0.2");
    assertThat(loopbackOnly.of(request("127.0.0.1", "unknown"))).isEqualTo("127.0.0.1");
  }

  @Test
  void proxiesAreNamedByARegularExpressionTheWholeAddressMatches() {
    ClientAddress behindGateway = new ClientAddress(" 10\\.1\\.\\d+\\.\\d+|192\\.0\\.2\\.1 ");
    assertThat(behindGateway.of(request("10.1.4.2", "198.51.100.77"))).isEqualTo("198.51.100.77");
    assertThat(behindGateway.of(request("192.0.2.1", "198.51.100.77"))).isEqualTo("198.51.100.77");
    assertThat(behindGateway.of(request("127.0.0.1", "198.51.100.77"))).isEqualTo("127.0.0.1");
    assertThat(behindGateway.of(request("192.0.2.10", "198.51.100.77")))
        .as("the whole address, not a part of it")
        .isEqualTo("192.0.2.10");
    assertThat(new ClientAddress("").of(request("127.0.0.1", "198.51.100.77")))
        .as("no proxy trusted")
        .isEqualTo("127.0.0.1");
  }

  private static MockHttpServletRequest request(String peer, String forwardedFor) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tasks/1/claim");
    request.setRemoteAddr(peer);
    if (forwardedFor != null) {
      request.addHeader(ClientAddress.FORWARDED_FOR, forwardedFor);
    }
    return request;
  }
}
