package org.uprengage.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.uprengage.notification.NotificationIntegrationTest;

class ReminderRelevanceTest extends NotificationIntegrationTest {

  @Test
  void aReminderOfATaskAlreadyCompletedIsNotSent() throws Exception {
    UUID reviewId = UUID.randomUUID();
    String taskId = UUID.randomUUID().toString();
    kafka
        .send(
            taskEvent(
                reviewId,
                "org.uprengage.task.created.v1",
                2,
                taskId,
                "\"candidateGroups\":[\"UNICEF\"],\"assignee\":\"focal-unicef\""))
        .get();
    kafka
        .send(
            taskEvent(
                reviewId,
                "org.uprengage.task.completed.v1",
                3,
                taskId,
                "\"candidateGroups\":[\"UNICEF\"],\"assignee\":\"focal-unicef\""))
        .get();
    await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(stateOf(taskId)));

    ProducerRecord<String, String> reminder =
        deadline(reviewId, "org.uprengage.deadline.approaching.v1", taskId, "[\"focal-unicef\"]");
    ProducerRecord<String, String> escalation =
        deadline(reviewId, "org.uprengage.deadline.missed.v1", taskId, "[\"focal-unicef\"]");
    kafka.send(reminder).get();
    kafka.send(escalation).get();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> processed(reminder) && processed(escalation));
    assertThat(kindsOf(taskId)).containsExactly("task-assigned");
  }

  @Test
  void aReminderOfATaskHandedToSomeoneElseGoesToItsNewHolderOnly() throws Exception {
    UUID reviewId = UUID.randomUUID();
    String taskId = UUID.randomUUID().toString();
    kafka
        .send(
            taskEvent(
                reviewId,
                "org.uprengage.task.created.v1",
                2,
                taskId,
                "\"candidateGroups\":[\"UNICEF\"],\"assignee\":\"focal-unicef\""))
        .get();
    kafka
        .send(
            taskEvent(
                reviewId,
                "org.uprengage.task.assigned.v1",
                3,
                taskId,
                "\"candidateGroups\":[\"UNICEF\"],\"assignee\":\"head-unicef\",\"actor\":\"coordinator\""))
        .get();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "head-unicef"
                    .equals(
                        jdbc
                            .queryForList(
                                "SELECT assignee FROM ns_task WHERE task_id = ?",
                                String.class,
                                taskId)
                            .stream()
                            .findFirst()
                            .orElse(null)));

    // raised before the hand-over reached the engine's alert: it still names the old holder
    ProducerRecord<String, String> reminder =
        deadline(reviewId, "org.uprengage.deadline.approaching.v1", taskId, "[\"focal-unicef\"]");
    kafka.send(reminder).get();

    await().atMost(Duration.ofSeconds(20)).until(() -> processed(reminder));
    assertThat(
            jdbc.queryForList(
                "SELECT recipient FROM ns_notification WHERE task_id = ? AND kind = 'deadline-approaching'",
                String.class,
                taskId))
        .containsExactly("head-unicef");
  }

  @Test
  void aMovedDeadlineMovesItsTasksDueDateAndTellsWhoeverWorksOnIt() throws Exception {
    UUID reviewId = UUID.randomUUID();
    String taskId = UUID.randomUUID().toString();
    kafka
        .send(
            taskEvent(
                reviewId,
                "org.uprengage.task.created.v1",
                2,
                taskId,
                "\"candidateGroups\":[\"UNDP\"],\"dueDate\":\"2027-03-01T23:59:00Z\""))
        .get();
    await().atMost(Duration.ofSeconds(20)).until(() -> stateOf(taskId) != null);
    kafka
        .send(
            cloudEvent(
                DEADLINES_TOPIC,
                reviewId.toString(),
                UUID.randomUUID().toString(),
                "org.uprengage.deadline.changed.v1",
                """
                {"reviewId":"%s","sequence":5,"milestone":"agencyDraftsDue","oldDueOn":"2027-03-01","newDueOn":"2027-03-15",
                 "reason":"session calendar changed","countryTeam":"GHA","taskIds":["%s"]}
                """
                    .formatted(reviewId, taskId)))
        .get();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.queryForObject(
                        "SELECT due_at = '2027-03-15T23:59:00Z'::timestamptz FROM ns_task WHERE task_id = ?",
                        Boolean.class,
                        taskId)
                    .booleanValue());
    // nobody holds it: its group hears of it (the event names no group: the task's are used)
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> told(taskId, "deadline-changed").size() == 2);
    assertThat(told(taskId, "deadline-changed")).containsExactly("focal-undp", "head-undp");
    assertThat(
            jdbc.queryForObject(
                "SELECT title FROM ns_notification WHERE task_id = ? AND recipient = 'focal-undp' AND kind = 'deadline-changed'",
                String.class,
                taskId))
        .isEqualTo("Échéance déplacée : agencyDraftsDue, désormais le 15 mars 2027");
  }

  private ProducerRecord<String, String> deadline(
      UUID reviewId, String type, String taskId, String assignees) {
    String data =
        """
        {"reviewId":"%s","sequence":9,"milestone":"agencyDraftsDue","dueAt":"2027-06-02T23:59:00Z","daysLeft":7,"countryTeam":"GHA",
         "taskIds":["%s"],"candidateGroups":["UNICEF"],"assignees":%s,"escalateTo":["coordinator"]}
        """
            .formatted(reviewId, taskId, assignees);
    return cloudEvent(
        DEADLINES_TOPIC, reviewId.toString(), UUID.randomUUID().toString(), type, data);
  }

  private String stateOf(String taskId) {
    return jdbc
        .queryForList("SELECT state FROM ns_task WHERE task_id = ?", String.class, taskId)
        .stream()
        .findFirst()
        .orElse(null);
  }

  private List<String> told(String taskId, String kind) {
    return jdbc.queryForList(
        "SELECT recipient FROM ns_notification WHERE task_id = ? AND kind = ? ORDER BY recipient",
        String.class,
        taskId,
        kind);
  }

  private List<String> kindsOf(String taskId) {
    return jdbc.queryForList(
        "SELECT kind FROM ns_notification WHERE task_id = ? ORDER BY kind", String.class, taskId);
  }
}
