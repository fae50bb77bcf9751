package org.uprengage.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.uprengage.notification.NotificationIntegrationTest;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.directory.Person;
import org.uprengage.testsupport.PostgresServer;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * The service's own database refuses every connection while well-formed events arrive on all three
 * topics: each listener pauses and tries again until the database is back, then every event makes
 * exactly its notifications, and nothing is parked. The scheduled senders, failing meanwhile, say
 * so in a line each time.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTest extends NotificationIntegrationTest {

  private static final int EACH = 5;

  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired People people;

  @Test
  void eventsThatArriveWhileTheDatabaseRefusesConnectionsWaitForItAndNoneIsParked(
      CapturedOutput output) throws Exception {
    String team = "O" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    Person follower =
        new Person("outage-" + team, "Follower", null, "en", null, List.of("rc"), List.of(team));
    people.save(follower);
    mvc.perform(
            post("/api/follows")
                .with(caller(follower.username(), null, List.of(team), "rc"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isCreated());
    List<String> offered = new ArrayList<>();
    List<String> reminded = new ArrayList<>();
    List<UUID> started = new ArrayList<>();
    List<ProducerRecord<String, String>> events = new ArrayList<>();
    for (int i = 0; i < EACH; i++) {
      String task = UUID.randomUUID().toString();
      offered.add(task);
      events.add(taskCreated(UUID.randomUUID(), task, List.of("UNDP")));
      String watched = UUID.randomUUID().toString();
      reminded.add(watched);
      events.add(reminder(watched));
      UUID review = UUID.randomUUID();
      started.add(review);
      events.add(reviewStarted(review, team));
    }
    long parkedBefore = deadLetters();
    String database = databaseName();

    refuseConnections(database);
    try {
      for (ProducerRecord<String, String> event : events) {
        kafka.send(event).get();
      }
      // each listener backs off paused, polling nothing, rather than looping or sleeping
      for (String listener : List.of("task-events", "deadline-events", "review-events")) {
        await(listener + " paused")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> listeners.getListenerContainer(listener).isPauseRequested());
      }
      // longer than the attempts that park an event failing for a reason of its own
      await("nothing parked while the database is away")
          .during(Duration.ofSeconds(8))
          .atMost(Duration.ofSeconds(12))
          .until(() -> deadLetters() == parkedBefore);
      // the scheduled senders meanwhile: one line each time, not a stack
      assertThat(output.getOut())
          .contains("Scheduled work met a failure of the database")
          .doesNotContain("Unexpected error occurred in scheduled task");
    } finally {
      allowConnections(database);
    }

    await("every event handled once the database is back")
        .atMost(Duration.ofSeconds(60))
        .ignoreException(CannotGetJdbcConnectionException.class) // the pool fills up again
        .until(
            () ->
                notifications("task_id", offered) == 2 * EACH
                    && notifications("task_id", reminded) == EACH
                    && notifications("review_id", started) == EACH);
    await("and nothing more")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                notifications("task_id", offered) == 2 * EACH
                    && notifications("task_id", reminded) == EACH
                    && notifications("review_id", started) == EACH);
    for (String task : offered) {
      assertThat(recipientsOf(task)).containsExactly("focal-undp", "head-undp");
    }
    for (String task : reminded) {
      assertThat(recipientsOf(task)).containsExactly("focal-unicef");
    }
    assertThat(
            jdbc.queryForList(
                "SELECT DISTINCT recipient FROM ns_notification WHERE review_id = ANY (?::uuid[])",
                String.class,
                (Object) started.toArray(UUID[]::new)))
        .containsExactly(follower.username());
    assertThat(deadLetters()).isEqualTo(parkedBefore);
  }

  private int notifications(String column, List<?> ids) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM ns_notification WHERE " + column + "::text = ANY (?::text[])",
        Integer.class,
        (Object) ids.stream().map(Object::toString).toArray(String[]::new));
  }

  private static ProducerRecord<String, String> reminder(String taskId) {
    UUID reviewId = UUID.randomUUID();
    return cloudEvent(
        DEADLINES_TOPIC,
        reviewId.toString(),
        UUID.randomUUID().toString(),
        "org.uprengage.deadline.approaching.v1",
        """
        {"reviewId":"%s","sequence":9,"milestone":"agencyDraftsDue","dueAt":"2027-06-02T23:59:00Z","daysLeft":7,
         "countryTeam":"GHA","taskIds":["%s"],"candidateGroups":["UNICEF"],"assignees":["focal-unicef"]}
        """
            .formatted(reviewId, taskId));
  }

  private static ProducerRecord<String, String> reviewStarted(UUID reviewId, String team) {
    return cloudEvent(
        REVIEWS_TOPIC,
        reviewId.toString(),
        UUID.randomUUID().toString(),
        "org.uprengage.review.started.v1",
        "{\"reviewId\":\"%s\",\"sequence\":1,\"country\":\"%s\",\"session\":\"49\",\"startedBy\":\"admin\"}"
            .formatted(reviewId, team));
  }

  private static String databaseName() {
    String url = TestInfrastructure.database("notification");
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** No new connection to the database, and every open one ended (superusers' too). */
  private static void refuseConnections(String database) throws SQLException {
    admin(
        "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
            + database
            + "' AND pid <> pg_backend_pid()");
  }

  private static void allowConnections(String database) throws SQLException {
    admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
  }

  private static void admin(String... statements) throws SQLException {
    PostgresServer server = TestInfrastructure.postgres();
    try (Connection connection =
            DriverManager.getConnection(
                server.jdbcUrl(server.adminDatabase()), server.user(), server.password());
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
