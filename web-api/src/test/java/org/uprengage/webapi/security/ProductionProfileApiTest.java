package org.uprengage.webapi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.uprengage.testsupport.IdentityProviderStub;
import org.uprengage.webapi.DemoApiTest;
import org.uprengage.webapi.StubService;

/**
 * The production profile: only tokens of the identity provider named by {@code UPR_JWT_ISSUER_URI}
 * (found through its discovery document), meant for UPR Engage ({@code UPR_JWT_AUDIENCE}), relayed
 * unchanged to the services.
 */
// the audience as a property, not a dynamic one: web-api checks it is set before the context starts
@SpringBootTest(properties = "UPR_JWT_AUDIENCE=" + ProductionProfileApiTest.AUDIENCE)
@AutoConfigureMockMvc
@ActiveProfiles("prod")
class ProductionProfileApiTest {

  static final String AUDIENCE = "upr-engage";
  static final IdentityProviderStub idp = new IdentityProviderStub();
  static final IdentityProviderStub otherIdp = new IdentityProviderStub();
  static final StubService engine = new StubService();
  static final Map<String, Object> FOCAL_POINT =
      Map.of(
          "sub",
          "3f1c",
          "aud",
          List.of(AUDIENCE, "account"),
          "preferred_username",
          "amina.focal",
          "roles",
          List.of("focal-point"),
          "agency",
          "UNICEF",
          "country_teams",
          List.of("GHA"));

  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void identityProvider(DynamicPropertyRegistry registry) {
    registry.add("UPR_JWT_ISSUER_URI", idp::issuer);
    registry.add("upr.services.engine", engine::url);
  }

  @Test
  void theIdentityProvidersTokenAuthenticatesAndIsRelayed() throws Exception {
    String token = idp.token(idp.issuer(), FOCAL_POINT);
    mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value("amina.focal"))
        .andExpect(jsonPath("$.agency").value("UNICEF"))
        .andExpect(jsonPath("$.countryTeams[0]").value("GHA"));
    engine.answer(200, "application/json", "[]");
    mvc.perform(get("/api/agencies").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    assertThat(engine.last().authorization()).isEqualTo("Bearer " + token);
  }

  @Test
  void tokensOfAnotherIssuerOrKeyAreRejected() throws Exception {
    mvc.perform(
            get("/api/me")
                .header("Authorization", "Bearer " + idp.token(otherIdp.issuer(), FOCAL_POINT)))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            get("/api/me")
                .header("Authorization", "Bearer " + otherIdp.token(idp.issuer(), FOCAL_POINT)))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aTokenMeantForAnotherApplicationIsRejected() throws Exception {
    Map<String, Object> elsewhere = new HashMap<>(FOCAL_POINT);
    elsewhere.put("aud", List.of("payroll"));
    mvc.perform(
            get("/api/me").header("Authorization", "Bearer " + idp.token(idp.issuer(), elsewhere)))
        .andExpect(status().isUnauthorized());
    Map<String, Object> noAudience = new HashMap<>(FOCAL_POINT);
    noAudience.remove("aud");
    mvc.perform(
            get("/api/me").header("Authorization", "Bearer " + idp.token(idp.issuer(), noAudience)))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void thereAreNoDemoUsersAndNoTokenEndpoint() throws Exception {
    mvc.perform(get("/api/me").header("Authorization", DemoApiTest.basic("coordinator", "demo")))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/auth/token")
                .header("Authorization", "Bearer " + idp.token(idp.issuer(), FOCAL_POINT)))
        .andExpect(status().isNotFound());
  }
}
