package org.uprengage.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.uprengage.notification.NotificationIntegrationTest;

/**
 * An incident opened in a review's process reaches the platform admins' inboxes (in whatever
 * country team they are, or none) through the review's topic, once; the review's own team is not
 * told, as they cannot retry it. It is always delivered: an admin who turned the news of reviews
 * off is told all the same.
 */
class IncidentEventConsumptionTest extends NotificationIntegrationTest {

  @Test
  void anIncidentIsToldToEveryPlatformAdminOnceAndToNobodyElse() throws Exception {
    jdbc.update(
        "INSERT INTO ns_person (username, display_name, locale, roles, country_teams) VALUES ('platform-ops', 'Operations', 'fr', '{platform-admin}', '{}') ON CONFLICT DO NOTHING");
    jdbc.update(
        "INSERT INTO ns_person (username, display_name, locale, roles, country_teams) VALUES ('coordinator-tza', 'Coordinator', 'en', '{coordinator}', '{TZA}') ON CONFLICT DO NOTHING");
    mvc.perform(
            put("/api/me/notification-preferences")
                .with(caller("platform-ops", null, List.of(), "platform-admin"))
                .contentType("application/json")
                .content("{\"kinds\":{\"review-event\":{\"inApp\":false,\"email\":\"off\"}}}"))
        .andExpect(status().isOk());
    UUID reviewId = UUID.randomUUID();
    ProducerRecord<String, String> started =
        cloudEvent(
            REVIEWS_TOPIC,
            reviewId.toString(),
            UUID.randomUUID().toString(),
            ReviewEvent.STARTED,
            """
            {"reviewId":"%s","sequence":1,"occurredAt":"2026-11-29T10:00:00Z","country":"TZA","session":56,"startedBy":"coordinator-tza"}
            """
                .formatted(reviewId));
    kafka.send(started).get();
    await().atMost(Duration.ofSeconds(20)).until(() -> processed(started));
    String incidentId = UUID.randomUUID().toString();
    ProducerRecord<String, String> incident =
        cloudEvent(
            REVIEWS_TOPIC,
            reviewId.toString(),
            UUID.randomUUID().toString(),
            IncidentEvent.OPENED,
            """
            {"reviewId":"%s","sequence":2,"occurredAt":"2026-11-29T10:05:00Z","incidentId":"%s","processDefinitionKey":"upr-review",
             "activityId":"Timer_HandOverToNextReview","jobId":"job-1","message":"No session 70 in the calendar"}
            """
                .formatted(reviewId, incidentId));

    ProducerRecord<String, String> after =
        cloudEvent(
            REVIEWS_TOPIC,
            reviewId.toString(),
            UUID.randomUUID().toString(),
            "org.uprengage.review.stage-entered.v1",
            """
            {"reviewId":"%s","sequence":3,"occurredAt":"2026-11-29T10:06:00Z","stage":"review"}
            """
                .formatted(reviewId));

    kafka.send(incident).get();
    kafka.send(incident).get(); // heard twice: told once
    kafka.send(after).get(); // same key, same partition: handled after both
    await().atMost(Duration.ofSeconds(20)).until(() -> processed(after));
    assertThat(told(reviewId)).hasSize(1);
    Map<String, Object> notification = told(reviewId).get(0);
    assertThat(notification)
        .containsEntry("recipient", "platform-ops")
        .containsEntry("kind", "incident-opened")
        .containsEntry("in_app", true);
    assertThat((String) notification.get("title"))
        .isEqualTo("Incident dans l'examen de TZA : Timer_HandOverToNextReview");
    assertThat((String) notification.get("body"))
        .contains("No session 70 in the calendar", "/api/admin/incidents/" + incidentId + "/retry");
  }

  private List<Map<String, Object>> told(UUID reviewId) {
    return jdbc.queryForList(
        "SELECT recipient, kind, in_app, title, body FROM ns_notification WHERE review_id = ? AND title LIKE 'Incident%'",
        reviewId);
  }
}
