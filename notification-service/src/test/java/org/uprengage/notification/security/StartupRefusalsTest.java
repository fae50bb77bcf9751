package org.uprengage.notification.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;
import org.uprengage.notification.NotificationServiceApplication;

/**
 * The service refuses to start the demo with production, production without its tokens' audience,
 * and the published demo secret on an address others can reach; it starts otherwise.
 */
class StartupRefusalsTest {

  private final StartupRefusals refusals = new StartupRefusals();

  @Test
  void theDemoProfileWithProductionIsRefusedBeforeAnythingStarts() {
    assertThatThrownBy(() -> start("prod,demo", "--upr.security.jwt.audience=upr-engage"))
        .hasMessageContaining("the demo profile")
        .hasMessageContaining("prod");
  }

  @Test
  void productionWithoutTheTokensAudienceIsRefused() {
    assertThatThrownBy(() -> start("prod")).hasMessageContaining("UPR_JWT_AUDIENCE");
  }

  @Test
  void thePublishedDemoSecretOnANonLoopbackAddressIsRefused() {
    // the demo profile's own default secret, read from application-demo.yml
    assertThatThrownBy(() -> start("demo", "--server.address=0.0.0.0"))
        .hasMessageContaining("published demo internal-token secret")
        .hasMessageContaining("0.0.0.0");
    assertThatThrownBy(
            () ->
                refusals.postProcessEnvironment(
                    new MockEnvironment()
                        .withProperty(
                            "upr.security.internal-token-secret",
                            StartupRefusals.PUBLISHED_DEMO_SECRET),
                    null))
        .hasMessageContaining("every address");
  }

  @Test
  void aSoundConfigurationPasses() {
    MockEnvironment demoOnLoopback =
        new MockEnvironment()
            .withProperty(
                "upr.security.internal-token-secret", StartupRefusals.PUBLISHED_DEMO_SECRET)
            .withProperty("server.address", "127.0.0.1");
    demoOnLoopback.setActiveProfiles("demo");
    assertThatCode(() -> refusals.postProcessEnvironment(demoOnLoopback, null))
        .doesNotThrowAnyException();
    MockEnvironment production =
        new MockEnvironment()
            .withProperty("upr.security.jwt.audience", "upr-engage")
            .withProperty(
                "upr.security.internal-token-secret", "a-secret-of-this-installation-0123")
            .withProperty("server.address", "0.0.0.0");
    production.setActiveProfiles("prod");
    assertThatCode(() -> refusals.postProcessEnvironment(production, null))
        .doesNotThrowAnyException();
  }

  /** Starts the real application with the profiles: refused ones fail before any bean exists. */
  private static void start(String profiles, String... args) {
    new SpringApplicationBuilder(NotificationServiceApplication.class)
        .web(WebApplicationType.NONE)
        .properties("spring.profiles.active=" + profiles)
        .run(args)
        .close();
  }
}
