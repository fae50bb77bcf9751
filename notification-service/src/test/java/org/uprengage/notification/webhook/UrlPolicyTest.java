package org.uprengage.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlPolicyTest {

  private static UrlPolicy policy(boolean loopback, List<String> hosts) {
    return new UrlPolicy(
        new WebhookProperties(
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(30),
            Duration.ofHours(1),
            10,
            10,
            loopback,
            false,
            hosts));
  }

  @Test
  void outsideTheDemoNoInternalAddressIsReachable() {
    UrlPolicy production = policy(false, List.of());
    assertThat(production.refusal("http://127.0.0.1:8082/api"))
        .hasValueSatisfying(r -> assertThat(r).contains("loopback"));
    assertThat(production.refusal("http://[::1]/hook")).isPresent();
    assertThat(production.refusal("http://10.1.2.3/hook"))
        .hasValueSatisfying(r -> assertThat(r).contains("private"));
    assertThat(production.refusal("http://169.254.169.254/latest/meta-data")).isPresent();
    assertThat(production.refusal("http://192.168.1.10/hook")).isPresent();
    assertThat(production.refusal("http://0.0.0.0/hook")).isPresent();
    assertThat(production.refusal("http://[fd00::1]/hook")).isPresent();
    assertThat(production.refusal("file:///etc/passwd")).isPresent();
    assertThat(production.refusal("https://user:pw@93.184.216.34/hook")).isPresent();
    assertThat(production.refusal("https://93.184.216.34/hook")).isEmpty();
  }

  @Test
  void sharedReservedAndIpv4EmbeddingAddressesAreRefused() {
    UrlPolicy production = policy(false, List.of());
    for (String url :
        List.of(
            "http://100.64.0.1/hook",
            "http://100.127.255.254/hook",
            "http://198.18.0.1/hook",
            "http://198.19.255.1/hook",
            "http://192.0.0.8/hook",
            "http://0.1.2.3/hook",
            "http://240.0.0.1/hook",
            "http://255.255.255.255/hook",
            "http://[64:ff9b::a00:1]/hook",
            "http://[2002:a00:1::1]/hook",
            "http://[::a00:1]/hook",
            "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook")) {
      assertThat(production.refusal(url)).as(url).isPresent();
    }
    assertThat(production.refusal("http://[::ffff:10.0.0.1]/hook")).isPresent(); // Java: IPv4
    assertThat(production.refusal("http://100.128.0.1/hook")).isEmpty();
    assertThat(production.refusal("http://198.20.0.1/hook")).isEmpty();
    assertThat(production.refusal("http://[2a00:1450:4001:80b::200e]/hook")).isEmpty();
  }

  @Test
  void loopbackIsReachableWhereAllowedAndAnAllowListNarrowsTheHosts() {
    assertThat(policy(true, List.of()).refusal("http://127.0.0.1:9999/hook")).isEmpty();
    UrlPolicy listed = policy(false, List.of("93.184.216.34"));
    assertThat(listed.refusal("https://93.184.216.34/hook")).isEmpty();
    assertThat(listed.refusal("https://93.184.216.35/hook"))
        .hasValueSatisfying(r -> assertThat(r).contains("allowed hosts"));
  }

  @Test
  void backoffDoublesUpToItsCeiling() {
    WebhookProperties properties =
        new WebhookProperties(
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(30),
            Duration.ofMinutes(2),
            10,
            10,
            false,
            false,
            List.of());
    assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(properties.backoff(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(properties.backoff(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(properties.backoff(9)).isEqualTo(Duration.ofMinutes(2));
  }
}
