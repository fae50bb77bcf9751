package org.uprengage.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.EmptyResultDataAccessException;
import org.uprengage.notification.NotificationIntegrationTest;

/**
 * The directory follows workflow-engine's: each {@code person.updated.v1} read from Kafka replaces
 * the person's entry, a late older version is ignored, and the person is then told of their team's
 * work like anyone the demo directory held.
 */
class PersonEventConsumptionTest extends NotificationIntegrationTest {

  @Test
  void aPersonFromTheEngineJoinsTheDirectoryAndAnOlderChangeArrivingLateIsIgnored()
      throws Exception {
    kafka.send(person("wanjiru-ken", "Wanjiru", "focal-point", "KEN", 2)).get();
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreException(EmptyResultDataAccessException.class) // not in the directory yet
        .untilAsserted(
            () ->
                assertThat(entry("wanjiru-ken"))
                    .containsEntry("display_name", "Wanjiru")
                    .containsEntry("agency", "UNICEF")
                    .containsEntry("locale", "sw")
                    .containsEntry("time_zone", "Africa/Nairobi")
                    .containsEntry("directory_version", 2));

    ProducerRecord<String, String> older = person("wanjiru-ken", "Old name", "viewer", "KEN", 1);
    kafka.send(older).get();
    await().atMost(Duration.ofSeconds(20)).until(() -> processed(older));
    assertThat(entry("wanjiru-ken")).containsEntry("display_name", "Wanjiru");

    kafka.send(person("wanjiru-ken", "Wanjiru Kamau", "head-of-office", "KEN", 3)).get();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(entry("wanjiru-ken")).containsEntry("display_name", "Wanjiru Kamau"));
  }

  @Test
  void aNewPersonOfTheEngineIsToldOfTheirAgencysTasks() throws Exception {
    kafka.send(person("amina-uga", "Amina", "focal-point", "UGA", 1)).get();
    await().atMost(Duration.ofSeconds(20)).until(() -> !entryList("amina-uga").isEmpty());
    UUID reviewId = UUID.randomUUID();
    String taskId = UUID.randomUUID().toString();
    String data =
        """
        {"reviewId":"%s","sequence":2,"occurredAt":"2026-11-29T10:00:00Z","taskId":"%s","taskKey":"UserTask_DraftAgencySection",
         "taskName":"Draft the agency section","countryTeam":"UGA","candidateGroups":["UNICEF"]}
        """
            .formatted(reviewId, taskId);
    kafka
        .send(
            cloudEvent(
                reviewId.toString(),
                UUID.randomUUID().toString(),
                "org.uprengage.task.created.v1",
                data))
        .get();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForList(
                            "SELECT recipient FROM ns_notification WHERE task_id = ?",
                            String.class,
                            taskId))
                    .containsExactly("amina-uga"));
  }

  private Map<String, Object> entry(String username) {
    return jdbc.queryForMap(
        "SELECT display_name, agency, locale, time_zone, directory_version FROM ns_person WHERE username = ?",
        username);
  }

  private List<Map<String, Object>> entryList(String username) {
    return jdbc.queryForList("SELECT username FROM ns_person WHERE username = ?", username);
  }

  private static ProducerRecord<String, String> person(
      String username, String name, String role, String team, int version) {
    String data =
        """
        {"occurredAt":"2026-11-29T10:00:00Z","username":"%s","displayName":"%s","email":"%s@example.org","language":"sw",
         "timeZone":"Africa/Nairobi","agency":"UNICEF","roles":["%s"],"countryTeams":["%s"],"source":"token","version":%d}
        """
            .formatted(username, name, username, role, team, version);
    return cloudEvent(
        PEOPLE_TOPIC, username, UUID.randomUUID().toString(), PersonEvent.UPDATED, data);
  }
}
