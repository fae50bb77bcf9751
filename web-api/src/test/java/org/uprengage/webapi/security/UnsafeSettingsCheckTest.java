package org.uprengage.webapi.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.uprengage.webapi.WebApiApplication;

/**
 * web-api refuses to start with settings that would expose it, and says what to change; it fails
 * while it reads its settings, before a web server exists (none is started by these tests).
 */
class UnsafeSettingsCheckTest {

  @Test
  void theDemoProfileBesideProductionRefusesToStart() {
    assertThatThrownBy(() -> start("demo,prod"))
        .isInstanceOf(UnsafeSettingsCheck.UnsafeSettingsException.class)
        .hasMessageContaining("Profiles demo and prod are both active")
        .hasMessageContaining("SPRING_PROFILES_ACTIVE=prod");
  }

  @Test
  void thePublishedDemoSecretOnAnAddressOtherHostsReachRefusesToStart() {
    // a documentation address (RFC 5737): had the check let it through, binding would fail too
    assertThatThrownBy(() -> start("demo", "--UPR_BIND_ADDRESS=192.0.2.10"))
        .isInstanceOf(UnsafeSettingsCheck.UnsafeSettingsException.class)
        .hasMessageContaining("would listen on 192.0.2.10")
        .hasMessageContaining("Set UPR_INTERNAL_TOKEN_SECRET to a secret of your own");
  }

  @Test
  void productionWithoutATokenAudienceRefusesToStart() {
    assertThatThrownBy(() -> start("prod", "--UPR_JWT_ISSUER_URI=http://127.0.0.1:1/realms/un"))
        .isInstanceOf(UnsafeSettingsCheck.UnsafeSettingsException.class)
        .hasMessageContaining("The prod profile needs UPR_JWT_AUDIENCE");
  }

  private static void start(String profiles, String... args) {
    new SpringApplicationBuilder(WebApiApplication.class)
        .profiles(profiles.split(","))
        .properties("server.port=0")
        .run(args)
        .close();
  }
}
