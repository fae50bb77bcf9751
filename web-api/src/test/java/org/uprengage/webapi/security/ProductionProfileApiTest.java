package org.uprengage.webapi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.uprengage.testsupport.IdentityProviderStub;
import org.uprengage.webapi.DemoApiTest;
import org.uprengage.webapi.StubService;

/**
 * The production profile: only tokens of the identity provider named by {@code UPR_JWT_ISSUER_URI}
 * (found through its discovery document), meant for UPR Engage ({@code UPR_JWT_AUDIENCE}), relayed
 * unchanged to the services.
 */
// the audience as a property, not a dynamic one: web-api checks it is set before the context starts
@SpringBootTest(
    properties = {
      "UPR_JWT_AUDIENCE=" + ProductionProfileApiTest.AUDIENCE,
      "UPR_OIDC_CLIENT_SECRET=web-client-secret"
    })
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

  /**
   * The pages sign in at the identity provider (authorization code flow), keep the person's tokens
   * in their session, and call the services with the access token, whose claims say who they are.
   */
  @Test
  void thePagesSignInWithOpenIdConnectAndCallTheServicesWithTheAccessToken() throws Exception {
    mvc.perform(get("/"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("http://localhost/oauth2/authorization/upr"));
    mvc.perform(get("/login"))
        .andExpect(content().string(Matchers.containsString("href=\"/oauth2/authorization/upr\"")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("password"))));
    MvcResult start = mvc.perform(get("/oauth2/authorization/upr")).andReturn();
    MockHttpSession session = (MockHttpSession) start.getRequest().getSession();
    String authorize = start.getResponse().getRedirectedUrl();
    assertThat(authorize).startsWith(idp.issuer() + "/auth?").contains("client_id=upr-engage-web");

    idp.signInAs(FOCAL_POINT);
    HttpResponse<Void> signedIn =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(authorize)).build(), BodyHandlers.discarding());
    URI back = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
    assertThat(back.getPath()).isEqualTo("/login/oauth2/code/upr");
    mvc.perform(get(back).session(session)).andExpect(status().is3xxRedirection());

    engine.answer(200, "application/json", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    mvc.perform(get("/").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("amina.focal")));
    assertThat(engine.last().uri()).startsWith("/api/tasks?");
    assertThat(engine.last().authorization()).isEqualTo("Bearer " + idp.lastAccessToken());
    assertThat(
            SignedJWT.parse(engine.last().authorization().substring(7))
                .getJWTClaimsSet()
                .getStringClaim("preferred_username"))
        .isEqualTo("amina.focal");
    mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
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
