package org.uprengage.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.uprengage.testsupport.IdentityProviderStub;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * The production profile: the engine takes the identity provider's tokens (relayed by web-api),
 * found through the provider's discovery document, and nothing else.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"prod", "test"})
// its own context on the engine's database and topics: closed after it, so that its outbox relay
// and deadline watches do not go on competing with the shared context's in later classes
@DirtiesContext
class ProductionTokenTest {

  static final IdentityProviderStub idp = new IdentityProviderStub();
  static final Map<String, Object> COORDINATOR =
      Map.of(
          "sub",
          "9a0e",
          "preferred_username",
          "kofi.rco",
          "roles",
          List.of("coordinator"),
          "country_teams",
          List.of("GHA"),
          "aud",
          List.of("upr-engage"));

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("UPR_JWT_ISSUER_URI", idp::issuer);
    registry.add("UPR_JWT_AUDIENCE", () -> "upr-engage");
    registry.add("spring.datasource.url", () -> TestInfrastructure.database("engine"));
    registry.add("spring.datasource.username", () -> TestInfrastructure.postgres().user());
    registry.add("spring.datasource.password", () -> TestInfrastructure.postgres().password());
    registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
    registry.add("upr.events.topics.tasks", () -> TestInfrastructure.topic("upr.tasks.v1"));
    registry.add("upr.events.topics.reviews", () -> TestInfrastructure.topic("upr.reviews.v1"));
  }

  @Test
  void theIdentityProvidersTokenIsAccepted() throws Exception {
    mvc.perform(
            get("/api/tasks")
                .header("Authorization", "Bearer " + idp.token(idp.issuer(), COORDINATOR)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").isNumber());
    assertThat(
            jdbc.queryForList(
                "SELECT country_teams[1] FROM upr_person WHERE username = 'kofi.rco' AND source = 'token'",
                String.class))
        .containsExactly("GHA");
  }

  @Test
  void theEngineIsNotReadyWhileNoCountryTeamIsOpen() throws Exception {
    List<String> open =
        jdbc.queryForList(
            "UPDATE upr_country_team SET closed_at = now() WHERE closed_at IS NULL RETURNING code",
            String.class);
    try {
      mvc.perform(get("/readyz")).andExpect(status().isServiceUnavailable());
    } finally {
      for (String code : open) {
        jdbc.update("UPDATE upr_country_team SET closed_at = NULL WHERE code = ?", code);
      }
    }
    jdbc.update(
        "INSERT INTO upr_country_team (code, name) VALUES ('GHA', 'UN Country Team in Ghana') ON CONFLICT (code) DO NOTHING");
    mvc.perform(get("/readyz")).andExpect(status().isOk());
  }

  @Test
  void aTokenIssuedForAnotherAudienceOrNoneIsNot() throws Exception {
    Map<String, Object> payroll = new HashMap<>(COORDINATOR);
    payroll.put("aud", List.of("payroll"));
    Map<String, Object> none = new HashMap<>(COORDINATOR);
    none.remove("aud");
    for (Map<String, Object> claims : List.of(payroll, none)) {
      mvc.perform(
              get("/api/tasks")
                  .header("Authorization", "Bearer " + idp.token(idp.issuer(), claims)))
          .andExpect(status().isUnauthorized());
    }
  }

  @Test
  void internalTokensAndOtherIssuersAreNot() throws Exception {
    IdentityProviderStub other = new IdentityProviderStub();
    mvc.perform(
            get("/api/tasks")
                .header("Authorization", "Bearer " + other.token(other.issuer(), COORDINATOR)))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            get("/api/tasks")
                .header("Authorization", "Bearer " + other.token(idp.issuer(), COORDINATOR)))
        .andExpect(status().isUnauthorized());
  }
}
