package org.uprengage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.uprengage.testsupport.IdentityProviderStub;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * A production installation from nothing, as three separate JVMs in the {@code prod} profile with a
 * loopback OpenID Connect provider: the engine is not ready until a platform admin creates the
 * Kenya country team; a Kenyan focal point's first request puts them in the directory, which
 * notification-service follows through {@code person.updated.v1}; a review of Kenya is started and
 * its focal point is told of their agency's draft.
 */
class ProductionOnboardingIT {

  private static final String AUDIENCE = "upr-engage";
  private static final List<ServiceProcess> services = new ArrayList<>();

  @AfterAll
  static void stop() throws InterruptedException {
    for (ServiceProcess service : services) {
      service.close();
    }
  }

  @Test
  void aPlatformAdminCreatesKenyaAndItsFocalPointIsToldOfTheFirstReview() throws Exception {
    IdentityProviderStub idp = new IdentityProviderStub();
    ServiceProcess engine = start(idp);
    String webApi = services.get(services.size() - 1).baseUrl();
    assertThat(engine.readiness()).as("not ready without a country team").isEqualTo(503);

    Api platformAdmin =
        as(idp, webApi, "platform.admin", List.of("platform-admin"), null, List.of());
    Api.Response kenya =
        platformAdmin.post(
            "/api/country-teams",
            "{\"code\":\"KEN\",\"name\":\"UN Country Team in Kenya\",\"agencies\":[\"UNICEF\",\"UNDP\"],\"timeZone\":\"Africa/Nairobi\",\"language\":\"en\"}");
    assertThat(kenya.status()).as(kenya.body().toString()).isEqualTo(201);
    await("engine ready").atMost(Duration.ofSeconds(30)).until(() -> engine.readiness() == 200);

    Api focalPoint =
        as(idp, webApi, "grace.wanjiru", List.of("focal-point"), "UNICEF", List.of("KEN"));
    assertThat(focalPoint.get("/api/agencies").status()).isEqualTo(200);
    JsonNode people = platformAdmin.get("/api/people?countryTeam=KEN").body();
    assertThat(people.findValuesAsText("username")).contains("grace.wanjiru");

    Api coordinator =
        as(idp, webApi, "amina.odhiambo", List.of("coordinator"), null, List.of("KEN"));
    Api.Response review = coordinator.post("/api/reviews", "{\"country\":\"KEN\",\"session\":56}");
    assertThat(review.status()).as(review.body().toString()).isEqualTo(201);
    String reviewId = review.body().get("id").asText();
    String plan = coordinator.onlyTask(reviewId, "UserTask_PlanSubmission");
    assertThat(coordinator.post("/api/tasks/" + plan + "/claim", null).status()).isEqualTo(200);
    assertThat(
            coordinator
                .post("/api/tasks/" + plan + "/complete", "{\"agencies\":[\"UNICEF\"]}")
                .status())
        .isEqualTo(204);

    await("the focal point told of UNICEF's draft")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode items = focalPoint.get("/api/notifications?size=100").body().get("items");
              assertThat(items.findValuesAsText("reviewId")).contains(reviewId);
            });
  }

  /** The three services in the prod profile, on their own databases and topics. */
  private static ServiceProcess start(IdentityProviderStub idp) throws Exception {
    int enginePort = ServiceProcess.freePort();
    int notificationPort = ServiceProcess.freePort();
    Map<String, String> common = new HashMap<>();
    common.put("spring.profiles.active", "prod");
    common.put("UPR_JWT_ISSUER_URI", idp.issuer());
    common.put("UPR_JWT_AUDIENCE", AUDIENCE);
    common.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers());
    for (String topic : List.of("tasks", "reviews", "deadlines", "people")) {
      common.put(
          "upr.events.topics." + topic, TestInfrastructure.topic("prod.upr." + topic + ".v1"));
    }
    Map<String, String> engine = new HashMap<>(common);
    engine.putAll(database("e2e_prod_engine"));
    ServiceProcess engineProcess =
        ServiceProcess.start("prod-workflow-engine", "upr.e2e.engine-jar", enginePort, engine);
    services.add(engineProcess);
    engineProcess.awaitAlive(Duration.ofMinutes(3));

    Map<String, String> notifications = new HashMap<>(common);
    notifications.putAll(database("e2e_prod_notification"));
    notifications.put("UPR_NOTIFICATION_GROUP", "prod-notification-service");
    services.add(
        ServiceProcess.start(
            "prod-notification-service",
            "upr.e2e.notification-jar",
            notificationPort,
            notifications));
    Map<String, String> web = new HashMap<>(common);
    web.put("upr.services.engine", "http://127.0.0.1:" + enginePort);
    web.put("upr.services.notifications", "http://127.0.0.1:" + notificationPort);
    services.add(
        ServiceProcess.start(
            "prod-web-api", "upr.e2e.web-api-jar", ServiceProcess.freePort(), web));
    for (ServiceProcess service : services.subList(1, services.size())) {
      service.awaitReady(Duration.ofMinutes(3));
    }
    return engineProcess;
  }

  private static Map<String, String> database(String purpose) {
    return Map.of(
        "spring.datasource.url", TestInfrastructure.database(purpose),
        "spring.datasource.username", TestInfrastructure.postgres().user(),
        "spring.datasource.password", TestInfrastructure.postgres().password());
  }

  /** The API as a person the identity provider signed a token for, with its claims. */
  private static Api as(
      IdentityProviderStub idp,
      String webApi,
      String username,
      List<String> roles,
      String agency,
      List<String> teams)
      throws Exception {
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", username);
    claims.put("aud", AUDIENCE);
    claims.put("preferred_username", username);
    claims.put("roles", roles);
    claims.put("country_teams", teams);
    claims.put("email", username + "@example.org");
    claims.put("zoneinfo", "Africa/Nairobi");
    if (agency != null) {
      claims.put("agency", agency);
    }
    return Api.withToken(webApi, idp.token(idp.issuer(), claims));
  }
}
