package org.uprengage.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The poster against a loopback receiver, with host names resolved by the test. */
class WebhookPosterTest {

  private static final WebhookReceiver receiver = new WebhookReceiver();
  private static final String SECRET = WebhookSignature.newSecret();

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  private static WebhookProperties properties(boolean loopback) {
    return new WebhookProperties(
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        Duration.ofHours(1),
        10,
        10,
        loopback,
        false,
        List.of());
  }

  private static InetAddress[] loopback() throws UnknownHostException {
    return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
  }

  @Test
  void theConnectionGoesToTheAddressesThePolicyVettedResolvedOnce() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    UrlPolicy policy =
        new UrlPolicy(
            properties(true),
            host -> {
              lookups.incrementAndGet();
              return host.equals("hooks.invalid") ? loopback() : new InetAddress[0];
            });
    WebhookPoster poster = new WebhookPoster(properties(true), policy, Clock.systemUTC());
    String path = "/vetted-" + UUID.randomUUID();
    receiver.secret(path, SECRET);
    // hooks.invalid resolves nowhere but in the policy's lookup: reaching the receiver shows the
    // connection went to the address the policy vetted, not to a second resolution's answer
    String url = receiver.url(path).replace("127.0.0.1", "hooks.invalid");
    try {
      assertThat(poster.post(url, UUID.randomUUID(), SECRET, "{\"a\":1}")).isEmpty();
    } finally {
      poster.destroy();
    }
    assertThat(receiver.at(path)).hasSize(1).allMatch(WebhookReceiver.Received::valid);
    assertThat(lookups).hasValue(1);
  }

  @Test
  void aNameThatRebindsToThisMachineAfterTheSubscriptionIsNotReached() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    UrlPolicy policy =
        new UrlPolicy(
            properties(false),
            host ->
                lookups.getAndIncrement() == 0
                    ? new InetAddress[] {InetAddress.getByName("93.184.216.34")}
                    : loopback());
    WebhookPoster poster = new WebhookPoster(properties(false), policy, Clock.systemUTC());
    String path = "/rebound-" + UUID.randomUUID();
    String url = receiver.url(path).replace("127.0.0.1", "rebinding.invalid");
    assertThat(policy.refusal(url)).isEmpty(); // when subscribing, it answered a public address
    try {
      assertThat(poster.post(url, UUID.randomUUID(), SECRET, "{}"))
          .hasValueSatisfying(
              failure ->
                  assertThat(failure.error())
                      .isEqualTo("the URL must not point at this machine (loopback)"));
    } finally {
      poster.destroy();
    }
    assertThat(receiver.at(path)).isEmpty();
  }

  @Test
  void aFailureIsRecordedAsItsClassNotTheNetworksMessage() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    WebhookPoster poster =
        new WebhookPoster(properties(true), new UrlPolicy(properties(true)), Clock.systemUTC());
    try {
      assertThat(
              poster.post(
                  "http://127.0.0.1:" + closedPort + "/hook", UUID.randomUUID(), SECRET, "{}"))
          .hasValueSatisfying(
              failure -> {
                assertThat(failure.error()).isEqualTo("the connection failed");
                assertThat(failure.status()).isNull();
              });
    } finally {
      poster.destroy();
    }
  }
}
