package org.uprengage.notification.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.notification.NotificationIntegrationTest;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.directory.Person;

class FollowTest extends NotificationIntegrationTest {

  private static final RequestPostProcessor FOCAL_UNDP = as("focal-undp", "UNDP", "focal-point");
  private static final RequestPostProcessor HEAD_UNICEF =
      as("head-unicef", "UNICEF", "head-of-office");

  @Autowired ObjectMapper json;
  @Autowired People people;

  @Test
  void aFollowerOfAReviewHearsOfItsReviewAndTaskEventsInTheirLanguageUntilTheyStop()
      throws Exception {
    UUID reviewId = started("GHA");
    String follow = follow(FOCAL_UNDP, "{\"reviewId\":\"%s\"}".formatted(reviewId));
    String taskId = UUID.randomUUID().toString();
    String unicefTaskId = UUID.randomUUID().toString();
    kafka.send(reviewEvent(reviewId, "submission-approved", "UNICEF")).get();
    ProducerRecord<String, String> unicefTask =
        taskEvent(
            reviewId,
            "org.uprengage.task.completed.v1",
            4,
            unicefTaskId,
            "\"candidateGroups\":[\"UNICEF\"],\"assignee\":\"focal-unicef\",\"actor\":\"focal-unicef\"");
    kafka.send(unicefTask).get();
    kafka
        .send(
            taskEvent(
                reviewId,
                "org.uprengage.task.completed.v1",
                5,
                taskId,
                "\"candidateGroups\":[\"focal-point:UNDP\"],\"assignee\":\"head-undp\",\"actor\":\"head-undp\""))
        .get();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> titlesFor("focal-undp", reviewId).size() == 2 && processed(unicefTask));
    // UNICEF's task is not one the engine shows UNDP's focal point: following tells them nothing of
    // it
    assertThat(titlesFor("focal-undp", reviewId))
        .containsExactlyInAnyOrder(
            "Examen de GHA : contribution approuvée",
            "Examen de GHA : Task " + taskId.substring(0, 8) + ", terminée");
    assertThat(
            jdbc.queryForList(
                "SELECT DISTINCT kind FROM ns_notification WHERE review_id = ?",
                String.class,
                reviewId))
        .containsExactly("review-event");
    mvc.perform(get("/api/follows").with(FOCAL_UNDP))
        .andExpect(jsonPath("$[?(@.id == '" + follow + "')].reviewId").value(reviewId.toString()));

    mvc.perform(delete("/api/follows/" + follow).with(FOCAL_UNDP))
        .andExpect(status().isNoContent());
    ProducerRecord<String, String> later = reviewEvent(reviewId, "submission-submitted", null);
    kafka.send(later).get();
    await().atMost(Duration.ofSeconds(20)).until(() -> processed(later));
    assertThat(titlesFor("focal-undp", reviewId)).hasSize(2);
  }

  @Test
  void anAgencyFollowingAReviewTellsItsPeopleAndOnlyItsOwnPeopleMayFollowForIt() throws Exception {
    UUID reviewId = started("GHA");
    follow(HEAD_UNICEF, "{\"reviewId\":\"%s\",\"agency\":\"UNICEF\"}".formatted(reviewId));
    kafka.send(reviewEvent(reviewId, "submission-sent-back", "UNICEF")).get();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !titlesFor("focal-unicef", reviewId).isEmpty());
    assertThat(titlesFor("focal-unicef", reviewId))
        .containsExactly("Review of GHA: submission sent back");
    assertThat(titlesFor("head-unicef", reviewId)).isEmpty(); // they sent it back themselves
    assertThat(titlesFor("focal-undp", reviewId)).isEmpty();

    mvc.perform(
            post("/api/follows")
                .with(FOCAL_UNDP)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reviewId\":\"%s\",\"agency\":\"UNICEF\"}".formatted(reviewId)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/follows")
                .with(FOCAL_UNDP)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reviewId\":\"%s\"}".formatted(UUID.randomUUID())))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.title").value("Review not found"));
  }

  @Test
  void anotherCountryTeamsReviewsAndAgencyFollowsStayHidden() throws Exception {
    String team = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    UUID foreign = started(team);
    mvc.perform(
            post("/api/follows")
                .with(HEAD_UNICEF)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reviewId\":\"%s\",\"agency\":\"UNICEF\"}".formatted(foreign)))
        .andExpect(status().isNotFound()) // as for a review that does not exist: no 403
        .andExpect(jsonPath("$.title").value("Review not found"));
    mvc.perform(
            post("/api/follows")
                .with(FOCAL_UNDP)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reviewId\":\"%s\"}".formatted(foreign)))
        .andExpect(status().isNotFound());

    String elsewhere =
        follow(
            caller("admin-" + team, null, List.of(team), "admin"), // that team's own admin
            "{\"countryTeam\":\"%s\",\"agency\":\"UNICEF\"}".formatted(team));
    String here = follow(HEAD_UNICEF, "{\"countryTeam\":\"GHA\",\"agency\":\"UNICEF\"}");
    try {
      mvc.perform(get("/api/follows").with(HEAD_UNICEF))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$[?(@.id == '" + here + "')]").isNotEmpty())
          .andExpect(jsonPath("$[?(@.id == '" + elsewhere + "')]").isEmpty());
    } finally {
      jdbc.update("DELETE FROM ns_follow WHERE id IN (?::uuid, ?::uuid)", elsewhere, here);
    }
  }

  @Test
  void aFollowerOfACountryTeamHearsOfEveryReviewInIt() throws Exception {
    String team = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    Person person =
        new Person("follower-" + team, "Follower", null, "es", null, List.of("rc"), List.of(team));
    people.save(person);
    follow(caller(person.username(), null, List.of(team), "rc"), "{}");
    UUID reviewId = started(team);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !titlesFor(person.username(), reviewId).isEmpty());
    assertThat(titlesFor(person.username(), reviewId))
        .containsExactly("Examen de " + team + ": examen iniciado");
  }

  @Test
  void aPersonFollowsTwentyThingsAtMost() throws Exception {
    String username = "many-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> teams = IntStream.rangeClosed(1, 21).mapToObj(i -> "M" + i).toList();
    RequestPostProcessor caller = caller(username, null, teams, "viewer");
    try {
      for (String team : teams.subList(0, 20)) {
        follow(caller, "{\"countryTeam\":\"%s\"}".formatted(team));
      }
      follow(caller, "{\"countryTeam\":\"M20\"}"); // following again is no new follow
      mvc.perform(
              post("/api/follows")
                  .with(caller)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"countryTeam\":\"M21\"}"))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.title").value("Too many follows"));
    } finally {
      jdbc.update("DELETE FROM ns_follow WHERE follower = ?", username);
    }
  }

  private UUID started(String team) throws Exception {
    UUID reviewId = UUID.randomUUID();
    ProducerRecord<String, String> started =
        cloudEvent(
            REVIEWS_TOPIC,
            reviewId.toString(),
            UUID.randomUUID().toString(),
            "org.uprengage.review.started.v1",
            "{\"reviewId\":\"%s\",\"sequence\":1,\"country\":\"%s\",\"session\":\"49\",\"startedBy\":\"admin\"}"
                .formatted(reviewId, team));
    kafka.send(started).get();
    await().atMost(Duration.ofSeconds(20)).until(() -> processed(started));
    return reviewId;
  }

  private ProducerRecord<String, String> reviewEvent(UUID reviewId, String kind, String agency) {
    return cloudEvent(
        REVIEWS_TOPIC,
        reviewId.toString(),
        UUID.randomUUID().toString(),
        "org.uprengage.review." + kind + ".v1",
        "{\"reviewId\":\"%s\",\"sequence\":3,\"round\":1,\"stage\":\"clearance\"%s,\"decidedBy\":\"head-unicef\"}"
            .formatted(reviewId, agency == null ? "" : ",\"agency\":\"" + agency + "\""));
  }

  private String follow(RequestPostProcessor caller, String body) throws Exception {
    String answer =
        mvc.perform(
                post("/api/follows")
                    .with(caller)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(answer).get("id").asText();
  }

  private List<String> titlesFor(String recipient, UUID reviewId) {
    return jdbc.queryForList(
        "SELECT title FROM ns_notification WHERE recipient = ? AND review_id = ? ORDER BY title",
        String.class,
        recipient,
        reviewId);
  }
}
