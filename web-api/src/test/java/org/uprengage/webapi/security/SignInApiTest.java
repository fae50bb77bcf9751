package org.uprengage.webapi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.uprengage.webapi.DemoApiTest;

/**
 * Signing in to the quick start: HTTP Basic for the demo users, the token endpoint, the relay of
 * who the caller is to the services, and the throttle on password guessing.
 */
class SignInApiTest extends DemoApiTest {

  @Test
  void aRequestWithoutCredentialsGets401WithAProblemSayingHowToSignIn() throws Exception {
    mvc.perform(get("/api/tasks"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().stringValues("WWW-Authenticate", hasItem(startsWith("Basic"))))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(401));
    assertThat(engine.received()).isEmpty();
  }

  @Test
  void aWrongPasswordIsRejected() throws Exception {
    mvc.perform(get("/api/tasks").header("Authorization", basic("coordinator", "wrong")))
        .andExpect(status().isUnauthorized());
    assertThat(engine.received()).isEmpty();
  }

  @Test
  void aDemoUserIsRelayedToTheEngineWithAnInternalTokenDescribingThem() throws Exception {
    engine.answer(200, "application/json", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    mvc.perform(get("/api/tasks").header("Authorization", basic("focal-unicef", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));

    assertThat(engine.last().uri())
        .isEqualTo("/api/tasks?show=both&overdue=false&sort=created&order=asc&page=0&size=50");
    assertThat(engine.last().forwardedFor())
        .as("the caller's address, for the audit trail")
        .isEqualTo("127.0.0.1");
    Jwt relayed =
        tokens.decoder().decode(engine.last().authorization().substring("Bearer ".length()));
    assertThat(relayed.getClaimAsString("preferred_username")).isEqualTo("focal-unicef");
    assertThat(relayed.getClaimAsString("agency")).isEqualTo("UNICEF");
    assertThat(relayed.getClaimAsStringList("roles")).containsExactly("focal-point");
    assertThat(relayed.getClaimAsStringList("country_teams")).containsExactly("GHA");
  }

  @Test
  void aTokenFromTheTokenEndpointAuthenticatesAndIsRelayedUnchanged() throws Exception {
    String token = tokenFor("coordinator");

    mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value("coordinator"))
        .andExpect(jsonPath("$.countryTeams[0]").value("GHA"));
    engine.answer(200, "application/json", "[]");
    mvc.perform(get("/api/sessions").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    assertThat(engine.last().authorization()).isEqualTo("Bearer " + token);
    mvc.perform(get("/api/me").header("Authorization", "Bearer " + token + "x"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aBearerTokenCannotObtainAnotherToken() throws Exception {
    String token = tokenFor("coordinator");
    mvc.perform(post("/api/auth/token").header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://uprengage.org/problems/forbidden"));
  }

  @Test
  void repeatedFailedSignInsOfAUserAreRefusedForAWhile() throws Exception {
    for (int i = 0; i < 10; i++) {
      mvc.perform(get("/api/me").header("Authorization", basic("rc", "guess-" + i)))
          .andExpect(status().isUnauthorized());
    }
    mvc.perform(get("/api/me").header("Authorization", basic("rc", "demo")))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/me").header("Authorization", basic("admin", "demo")))
        .andExpect(status().isOk());
  }

  private String tokenFor(String user) throws Exception {
    String answer =
        mvc.perform(post("/api/auth/token").header("Authorization", basic(user, "demo")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.tokenType").value("Bearer"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(answer, "$.accessToken");
  }
}
