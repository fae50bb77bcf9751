package org.uprengage.notification.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start, before anything else does, a configuration that would leave the service open:
 * the {@code demo} profile (demo people, published secrets) together with {@code prod}; {@code
 * prod} without the audience its tokens must be issued for ({@code UPR_JWT_AUDIENCE}); and the
 * internal token secret published in {@code application-demo.yml} while the service listens on
 * anything but a loopback address.
 */
class StartupRefusals implements EnvironmentPostProcessor {

  /** The internal-token secret anyone can read in {@code application-demo.yml}. */
  static final String PUBLISHED_DEMO_SECRET = "upr-engage-demo-secret-change-me-0123456789";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    List<String> profiles = List.of(environment.getActiveProfiles());
    if (profiles.contains(SecurityConfiguration.PRODUCTION) && profiles.contains("demo")) {
      throw refusal(
          "the demo profile (demo people, published secrets) is active together with prod");
    }
    String audience = environment.getProperty("upr.security.jwt.audience");
    if (profiles.contains(SecurityConfiguration.PRODUCTION)
        && (audience == null || audience.isBlank())) {
      throw refusal(
          "prod needs UPR_JWT_AUDIENCE, the audience the identity provider issues this"
              + " platform's tokens for");
    }
    String address = environment.getProperty("server.address");
    if (PUBLISHED_DEMO_SECRET.equals(environment.getProperty("upr.security.internal-token-secret"))
        && !loopback(address)) {
      throw refusal(
          "the published demo internal-token secret is in use while the service listens on "
              + (address == null || address.isBlank() ? "every address" : address)
              + "; set UPR_INTERNAL_TOKEN_SECRET or bind to a loopback address");
    }
  }

  private static boolean loopback(String address) {
    if (address == null || address.isBlank()) {
      return false; // every interface
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static IllegalStateException refusal(String reason) {
    return new IllegalStateException("notification-service refuses to start: " + reason + ".");
  }
}
