package org.uprengage.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprengage.notification.NotificationIntegrationTest;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.directory.Person;
import org.uprengage.notification.preference.KindPreference;
import org.uprengage.notification.preference.NotificationPreferences;
import org.uprengage.notification.preference.Preferences;

/**
 * Recommendations assigned to agencies: the focal points and heads of office of the lead and the
 * supporting agencies of the review's country team are told, in their language, in-app and by
 * e-mail as their preferences say; nobody else is.
 */
class RecommendationAssignedTest extends NotificationIntegrationTest {

  @Autowired People people;
  @Autowired Preferences preferences;

  @Test
  void theLeadAndSupportingAgenciesFocalPointsAndHeadsOfOfficeAreToldAsTheirPreferencesSay()
      throws Exception {
    String team = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String focalUnicef = person(team, "focal-unicef", "fr", "UNICEF", "focal-point");
    String headUnicef = person(team, "head-unicef", "en", "UNICEF", "head-of-office");
    String focalUndp = person(team, "focal-undp", "es", "UNDP", "focal-point");
    String headUndp = person(team, "head-undp", "en", "UNDP", "head-of-office");
    String viewerUnicef = person(team, "viewer-unicef", "en", "UNICEF", "viewer");
    String focalWho = person(team, "focal-who", "en", "WHO", "focal-point");
    String coordinator = person(team, "coordinator", "en", null, "coordinator");
    preferences.save(
        headUndp,
        new NotificationPreferences(
            null,
            null,
            null,
            Map.of(
                Preferences.RECOMMENDATION_ASSIGNED,
                new KindPreference(false, KindPreference.OFF, false)),
            null));
    UUID reviewId = started(team);

    ProducerRecord<String, String> assigned =
        cloudEvent(
            REVIEWS_TOPIC,
            reviewId.toString(),
            UUID.randomUUID().toString(),
            ReviewEvent.RECOMMENDATIONS_ASSIGNED,
            """
            {"reviewId":"%s","sequence":4,"occurredAt":"2026-11-29T10:00:00Z","leadAgency":"UNICEF",
             "supportingAgencies":["UNDP"],"paragraphs":["121.2","121.3"],"actor":"%s"}
            """
                .formatted(reviewId, coordinator));
    kafka.send(assigned).get();
    await().atMost(Duration.ofSeconds(20)).until(() -> processed(assigned));

    assertThat(titlesFor(focalUnicef, reviewId))
        .containsExactly("Examen de " + team + " : UNICEF chef de file pour 2 recommandations");
    assertThat(titlesFor(headUnicef, reviewId))
        .containsExactly("Review of " + team + ": UNICEF to lead on 2 recommendations");
    assertThat(titlesFor(focalUndp, reviewId))
        .containsExactly("Examen de " + team + ": UNICEF lidera 2 recomendaciones");
    assertThat(
            jdbc.queryForObject(
                "SELECT body FROM ns_notification WHERE recipient = ? AND review_id = ?",
                String.class,
                headUnicef,
                reviewId))
        .isEqualTo(
            "UNICEF leads on 2 recommendations of the review of "
                + team
                + " (paragraphs 121.2, 121.3); supporting agencies: UNDP.");
    assertThat(
            jdbc.queryForList(
                "SELECT DISTINCT kind FROM ns_notification WHERE review_id = ?",
                String.class,
                reviewId))
        .containsExactly(Preferences.RECOMMENDATION_ASSIGNED);
    // UNDP's head of office turned the kind off; viewers, other agencies and whoever assigned hear
    // nothing.
    for (String untold : List.of(headUndp, viewerUnicef, focalWho, coordinator)) {
      assertThat(titlesFor(untold, reviewId)).as(untold).isEmpty();
    }
    assertThat(
            jdbc.queryForList(
                "SELECT e.recipient FROM ns_email e JOIN ns_notification n ON n.id = e.notification_id"
                    + " WHERE n.review_id = ? ORDER BY e.recipient",
                String.class,
                reviewId))
        .containsExactly(
            focalUndp + "@example.org", focalUnicef + "@example.org", headUnicef + "@example.org");
    // no task to open: the e-mail's link opens the review's page, as the inbox's does
    assertThat(
            jdbc.queryForList(
                "SELECT e.text_body FROM ns_email e JOIN ns_notification n ON n.id = e.notification_id"
                    + " WHERE n.review_id = ?",
                String.class,
                reviewId))
        .hasSize(3)
        .allMatch(text -> text.contains("http://127.0.0.1:8080/reviews/" + reviewId + "\n"));
  }

  @Test
  void anAssignmentWithoutItsLeadAgencyIsAPoisonEventAndTellsNobody() throws Exception {
    String team = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String focalUnicef = person(team, "focal-unicef", "en", "UNICEF", "focal-point");
    UUID reviewId = started(team);
    long before = deadLetters();

    kafka
        .send(
            cloudEvent(
                REVIEWS_TOPIC,
                reviewId.toString(),
                UUID.randomUUID().toString(),
                ReviewEvent.RECOMMENDATIONS_ASSIGNED,
                """
                {"reviewId":"%s","sequence":4,"paragraphs":["121.2"],"actor":"coordinator"}
                """
                    .formatted(reviewId)))
        .get();
    await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters() > before);
    assertThat(titlesFor(focalUnicef, reviewId)).isEmpty();
  }

  private String person(String team, String name, String locale, String agency, String role) {
    String username = name + "-" + team.toLowerCase();
    people.save(
        new Person(
            username,
            name,
            username + "@example.org",
            locale,
            agency,
            List.of(role),
            List.of(team)));
    return username;
  }

  private UUID started(String team) throws Exception {
    UUID reviewId = UUID.randomUUID();
    ProducerRecord<String, String> started =
        cloudEvent(
            REVIEWS_TOPIC,
            reviewId.toString(),
            UUID.randomUUID().toString(),
            ReviewEvent.STARTED,
            "{\"reviewId\":\"%s\",\"sequence\":1,\"country\":\"%s\",\"session\":\"49\",\"startedBy\":\"admin\"}"
                .formatted(reviewId, team));
    kafka.send(started).get();
    await().atMost(Duration.ofSeconds(20)).until(() -> processed(started));
    return reviewId;
  }

  private List<String> titlesFor(String recipient, UUID reviewId) {
    return jdbc.queryForList(
        "SELECT title FROM ns_notification WHERE recipient = ? AND review_id = ? ORDER BY title",
        String.class,
        recipient,
        reviewId);
  }
}
