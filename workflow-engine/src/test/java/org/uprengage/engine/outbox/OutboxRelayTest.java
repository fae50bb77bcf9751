package org.uprengage.engine.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.uprengage.testsupport.KafkaRecords.header;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewStarted;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;
import org.uprengage.testsupport.KafkaRecords;

class OutboxRelayTest extends EngineIntegrationTest {

  @Autowired ReviewWorkflow reviews;
  @Autowired TransactionTemplate transactions;
  @Autowired EventTopics topics;
  @Autowired DataSource dataSource;

  @Test
  void committedEventsReachKafkaAsCloudEventsKeyedByTheirReview() {
    String team = newCountryTeam();
    Review review = reviews.start(coordinatorOf(team), team, 41);

    List<ConsumerRecord<String, String>> started =
        KafkaRecords.withKey(topics.reviews(), review.id().toString(), 1, Duration.ofSeconds(20));
    List<ConsumerRecord<String, String>> created =
        KafkaRecords.withKey(topics.tasks(), review.id().toString(), 1, Duration.ofSeconds(20));

    assertThat(started)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(header(record, "ce_type")).isEqualTo(ReviewStarted.TYPE);
              assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
              assertThat(header(record, "ce_source")).isEqualTo("/upr-engage/workflow-engine");
              assertThat(header(record, "ce_subject")).isEqualTo("reviews/" + review.id());
              assertThat(header(record, "content-type")).isEqualTo("application/json");
              assertThat(record.value()).contains("\"sequence\":1", "\"country\":\"" + team + "\"");
            });
    assertThat(created)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(header(record, "ce_type")).isEqualTo("org.uprengage.task.created.v1");
              assertThat(header(record, "ce_id")).isNotBlank();
              assertThat(header(record, "ce_time")).isNotBlank();
              assertThat(record.value())
                  .contains("\"sequence\":2", "\"candidateGroups\":[\"coordinator\"]");
            });
  }

  @Test
  void aRolledBackTransactionLeavesNothingToPublish() {
    String team = newCountryTeam();
    UUID rolledBack =
        transactions.execute(
            status -> {
              Review review = reviews.start(coordinatorOf(team), team, 41);
              status.setRollbackOnly();
              return review.id();
            });
    Review committed = reviews.start(coordinatorOf(team), team, 42);

    assertThat(
            KafkaRecords.withKey(
                topics.reviews(), committed.id().toString(), 1, Duration.ofSeconds(20)))
        .hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM upr_event_outbox WHERE record_key = ?",
                Integer.class,
                rolledBack.toString()))
        .isZero();
    assertThat(
            KafkaRecords.withKey(topics.reviews(), rolledBack.toString(), 1, Duration.ofSeconds(1)))
        .isEmpty();
  }

  @Test
  void aBrokerOutageOnlyDelaysDelivery() throws Exception {
    String team = newCountryTeam();
    Review review;
    try (Connection lockHolder = dataSource.getConnection()) {
      // Keep the running relay out while a relay whose broker is unreachable tries.
      advisoryLock(lockHolder, "pg_advisory_lock");
      review = reviews.start(coordinatorOf(team), team, 41);
      OutboxRelay unreachable =
          new OutboxRelay(
              jdbc,
              transactions,
              unreachableBroker(),
              new OutboxRelay.Settings(
                  "/upr-engage/workflow-engine",
                  50,
                  Duration.ofSeconds(2),
                  Duration.ofSeconds(5),
                  5,
                  42L));

      assertThatThrownBy(unreachable::publishBatch)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Kafka did not");
      assertThat(unpublished(review)).isEqualTo(2);
      advisoryLock(lockHolder, "pg_advisory_unlock");
    }

    assertThat(
            KafkaRecords.withKey(
                topics.reviews(), review.id().toString(), 1, Duration.ofSeconds(20)))
        .hasSize(1);
    assertThat(
            KafkaRecords.withKey(topics.tasks(), review.id().toString(), 1, Duration.ofSeconds(20)))
        .hasSize(1);
    assertThat(unpublished(review)).isZero();
  }

  private int unpublished(Review review) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM upr_event_outbox WHERE record_key = ? AND published_at IS NULL",
        Integer.class,
        review.id().toString());
  }

  private static void advisoryLock(Connection connection, String function) throws Exception {
    try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
      statement.setLong(1, OutboxRelay.RELAY_LOCK);
      statement.execute();
    }
  }

  private static KafkaTemplate<String, String> unreachableBroker() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    return new KafkaTemplate<>(
        new DefaultKafkaProducerFactory<>(
            Map.of(
                "bootstrap.servers",
                "127.0.0.1:" + closedPort,
                "key.serializer",
                "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer",
                "org.apache.kafka.common.serialization.StringSerializer",
                "max.block.ms",
                1000,
                "request.timeout.ms",
                1000,
                "delivery.timeout.ms",
                1500)));
  }

  private static Caller coordinatorOf(String team) {
    return new Caller("coordinator", Set.of(Caller.COORDINATOR), null, Set.of(team));
  }
}
