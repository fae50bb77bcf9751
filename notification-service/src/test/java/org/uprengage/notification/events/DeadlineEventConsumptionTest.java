package org.uprengage.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uprengage.notification.NotificationIntegrationTest;

class DeadlineEventConsumptionTest extends NotificationIntegrationTest {

  @Test
  void aReminderGoesToWhoeverHoldsTheTask() throws Exception {
    String taskId = UUID.randomUUID().toString();
    kafka
        .send(
            deadline(
                "org.uprengage.deadline.approaching.v1", taskId, 7, "[\"focal-unicef\"]", null))
        .get();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(recipientsOf(taskId)).containsExactly("focal-unicef"));
    assertThat(titlesOf(taskId)).containsExactly("Due in 7 days: agencyDraftsDue");
  }

  @Test
  void aReminderForAnUnclaimedTaskGoesToItsGroup() throws Exception {
    String taskId = UUID.randomUUID().toString();
    kafka.send(deadline("org.uprengage.deadline.approaching.v1", taskId, 1, "[]", null)).get();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(recipientsOf(taskId)).containsExactly("focal-unicef", "head-unicef"));
    assertThat(titlesOf(taskId))
        .containsOnly("Due in 1 day: agencyDraftsDue"); // singular, by the message's choice
  }

  @Test
  void aMissedDeadlineIsEscalatedToTheCoordinator() throws Exception {
    String taskId = UUID.randomUUID().toString();
    kafka
        .send(
            deadline(
                "org.uprengage.deadline.missed.v1",
                taskId,
                0,
                "[\"focal-unicef\"]",
                "[\"coordinator\"]"))
        .get();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(recipientsOf(taskId)).containsExactly("coordinator", "focal-unicef"));
  }

  private org.apache.kafka.clients.producer.ProducerRecord<String, String> deadline(
      String type, String taskId, int daysLeft, String assignees, String escalateTo) {
    UUID reviewId = UUID.randomUUID();
    String data =
        """
        {"reviewId":"%s","sequence":9,"milestone":"agencyDraftsDue","dueAt":"2027-06-02T23:59:00Z","daysLeft":%d,"countryTeam":"GHA",
         "taskIds":["%s"],"candidateGroups":["UNICEF"],"assignees":%s%s}
        """
            .formatted(
                reviewId,
                daysLeft,
                taskId,
                assignees,
                escalateTo == null ? "" : ",\"escalateTo\":" + escalateTo);
    return cloudEvent(
        DEADLINES_TOPIC, reviewId.toString(), UUID.randomUUID().toString(), type, data);
  }

  private List<String> titlesOf(String taskId) {
    return jdbc.queryForList(
        "SELECT title FROM ns_notification WHERE task_id = ?", String.class, taskId);
  }
}
