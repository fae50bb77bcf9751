package org.uprengage.notification;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.uprengage.testsupport.KafkaRecords;
import org.uprengage.testsupport.Metrics;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * Base of notification-service's integration tests: one Spring context on this run's own database
 * and Kafka broker, with the demo directory (everyone in country team GHA).
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureObservability
@ActiveProfiles({"demo", "test"})
@Import(NotificationIntegrationTest.TestClock.class)
public abstract class NotificationIntegrationTest {

  @Autowired private PrometheusMeterRegistry prometheus;

  /** What {@code /actuator/prometheus} answers now, in Prometheus's text format. */
  protected String scrape() {
    return prometheus.scrape();
  }

  /** The sum of a metric's samples that carry the labels given ({@link Metrics#value}). */
  protected double metric(String name, String... labels) {
    double value = Metrics.value(scrape(), name, labels);
    return Double.isNaN(value) ? 0 : value;
  }

  /** The one clock of the context, which tests move to reach quiet hours and digest times. */
  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MutableClock clock() {
      return new MutableClock();
    }
  }

  protected static final String TASKS_TOPIC = TestInfrastructure.topic("upr.tasks.v1");
  protected static final String DEADLINES_TOPIC = TestInfrastructure.topic("upr.deadlines.v1");
  protected static final String REVIEWS_TOPIC = TestInfrastructure.topic("upr.reviews.v1");
  protected static final String PEOPLE_TOPIC = TestInfrastructure.topic("upr.people.v1");

  @Autowired protected MockMvc mvc;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected KafkaTemplate<String, String> kafka;
  @Autowired protected MutableClock clock;

  /** A real SMTP server on a free loopback port, shared by the tests of this context. */
  protected static final GreenMail smtp =
      new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  static {
    smtp.start();
  }

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    registry.add("upr.channels.email.enabled", () -> "true");
    registry.add("upr.channels.email.interval", () -> "100ms");
    registry.add("spring.datasource.url", () -> TestInfrastructure.database("notification"));
    registry.add("spring.datasource.username", () -> TestInfrastructure.postgres().user());
    registry.add("spring.datasource.password", () -> TestInfrastructure.postgres().password());
    registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
    registry.add("upr.events.topics.tasks", () -> TASKS_TOPIC);
    registry.add("upr.events.topics.deadlines", () -> DEADLINES_TOPIC);
    registry.add("upr.events.topics.reviews", () -> REVIEWS_TOPIC);
    registry.add("upr.events.topics.people", () -> PEOPLE_TOPIC);
  }

  /** A task event as the workflow engine publishes it, with the fields given (JSON, no braces). */
  protected static ProducerRecord<String, String> taskEvent(
      UUID reviewId, String type, long sequence, String taskId, String fields) {
    String data =
        """
        {"reviewId":"%s","sequence":%d,"occurredAt":"2026-11-29T10:00:00Z","taskId":"%s","taskName":"Task %s","countryTeam":"GHA",%s}
        """
            .formatted(reviewId, sequence, taskId, taskId.substring(0, 8), fields);
    return cloudEvent(reviewId.toString(), UUID.randomUUID().toString(), type, data);
  }

  /** Whether the service has processed the event (in the transaction that handled it). */
  protected boolean processed(ProducerRecord<String, String> event) {
    String id = new String(event.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    return jdbc.queryForObject(
            "SELECT count(*) FROM ns_processed_event WHERE id = ?", Integer.class, id)
        > 0;
  }

  /** A task-created event as the workflow engine publishes it. */
  protected static ProducerRecord<String, String> taskCreated(
      UUID reviewId, String taskId, List<String> groups) {
    String data =
        """
        {"reviewId":"%s","sequence":2,"occurredAt":"2026-11-29T10:00:00Z","taskId":"%s","taskKey":"UserTask_DraftAgencySection",
         "taskName":"Draft the agency section","countryTeam":"GHA","candidateGroups":%s}
        """
            .formatted(reviewId, taskId, groups.stream().map(g -> "\"" + g + "\"").toList());
    return cloudEvent(
        reviewId.toString(), UUID.randomUUID().toString(), "org.uprengage.task.created.v1", data);
  }

  /** A deadline event of the review, as the workflow engine publishes it. */
  protected static ProducerRecord<String, String> deadlineEvent(
      UUID reviewId, String type, String data) {
    return cloudEvent(
        DEADLINES_TOPIC, reviewId.toString(), UUID.randomUUID().toString(), type, data);
  }

  protected static ProducerRecord<String, String> cloudEvent(
      String key, String id, String type, String data) {
    return cloudEvent(TASKS_TOPIC, key, id, type, data);
  }

  protected static ProducerRecord<String, String> cloudEvent(
      String topic, String key, String id, String type, String data) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
    Map.of(
            "ce_specversion", "1.0",
            "ce_id", id,
            "ce_source", "/upr-engage/workflow-engine",
            "ce_type", type,
            "ce_time", "2026-11-29T10:00:00Z")
        .forEach(
            (name, value) ->
                record
                    .headers()
                    .add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
    return record;
  }

  /**
   * A bearer token of a demo person as web-api issues it: username, roles, agency and country team
   * GHA.
   */
  protected static JwtRequestPostProcessor as(String username, String agency, String... roles) {
    return caller(username, agency, List.of("GHA"), roles);
  }

  /** A bearer token as web-api issues it, for someone of the country teams given. */
  protected static JwtRequestPostProcessor caller(
      String username, String agency, List<String> countryTeams, String... roles) {
    return jwt()
        .jwt(
            t -> {
              t.subject(username)
                  .claim("preferred_username", username)
                  .claim("roles", List.of(roles))
                  .claim("country_teams", countryTeams);
              if (agency != null) {
                t.claim("agency", agency);
              }
            });
  }

  /** How many records the topics hold, all partitions together. */
  protected static long recordsIn(String... topics) {
    return KafkaRecords.count(topics);
  }

  /** How many records the three dead-letter topics hold. */
  protected static long deadLetters() {
    return recordsIn(TASKS_TOPIC + ".dlt", DEADLINES_TOPIC + ".dlt", REVIEWS_TOPIC + ".dlt");
  }

  protected List<String> recipientsOf(String taskId) {
    return jdbc.queryForList(
        "SELECT recipient FROM ns_notification WHERE task_id = ? ORDER BY recipient",
        String.class,
        taskId);
  }
}
