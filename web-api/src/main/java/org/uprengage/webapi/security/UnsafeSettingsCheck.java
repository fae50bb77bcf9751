package org.uprengage.webapi.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start web-api with settings that would expose it, before the web server accepts
 * anything: the quick start's profile beside production's, the published development secret on an
 * address other hosts reach, production without the audience its tokens must carry. Runs after the
 * configuration files are read (registered in {@code META-INF/spring.factories}).
 */
class UnsafeSettingsCheck implements EnvironmentPostProcessor, Ordered {

  /** The internal-token secret application-demo.yml publishes for the quick start. */
  static final String PUBLISHED_DEMO_SECRET = "upr-engage-demo-secret-change-me-0123456789";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    List<String> profiles = List.of(environment.getActiveProfiles());
    if (profiles.contains("demo") && profiles.contains("prod")) {
      throw new UnsafeSettingsException(
          "Profiles demo and prod are both active. The demo profile adds users who share a published"
              + " password and signs tokens with a development secret. Run production with the prod"
              + " profile alone (SPRING_PROFILES_ACTIVE=prod), or the quick start with demo alone.");
    }
    String address = environment.getProperty("server.address");
    if (PUBLISHED_DEMO_SECRET.equals(environment.getProperty("upr.security.internal-token-secret"))
        && !isLoopback(address)) {
      throw new UnsafeSettingsException(
          "web-api would listen on "
              + (address == null || address.isBlank() ? "every address" : address)
              + " (UPR_BIND_ADDRESS) with the internal-token secret published in"
              + " application-demo.yml: anyone who reads it can sign tokens for any user. Set"
              + " UPR_INTERNAL_TOKEN_SECRET to a secret of your own (32 bytes or more, the same for"
              + " the three services), or bind to 127.0.0.1.");
    }
    if (profiles.contains("prod")
        && isBlank(resolved(environment, "spring.security.oauth2.resourceserver.jwt.audiences"))) {
      throw new UnsafeSettingsException(
          "The prod profile needs UPR_JWT_AUDIENCE: the audience (claim aud) your identity provider"
              + " puts in tokens meant for UPR Engage, such as upr-engage. Without it, a token the"
              + " provider issued for any other application would be accepted.");
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE; // after the configuration files and profiles are read
  }

  /** The property's value; null where it is unset or names a variable that is unset. */
  private static String resolved(ConfigurableEnvironment environment, String property) {
    try {
      return environment.getProperty(property);
    } catch (IllegalArgumentException unresolvable) {
      return null;
    }
  }

  private static boolean isLoopback(String address) {
    if (isBlank(address)) {
      return false; // no address: every interface
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** Settings web-api refuses to start with; the message says what to change. */
  static class UnsafeSettingsException extends IllegalStateException {

    UnsafeSettingsException(String message) {
      super(message);
    }
  }
}
