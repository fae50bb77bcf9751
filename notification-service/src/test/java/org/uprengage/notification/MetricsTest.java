package org.uprengage.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uprengage.testsupport.Metrics;

/**
 * What {@code /actuator/prometheus} tells an operator of notification-service: HTTP, JVM, the
 * database pool, the Kafka consumers (their lag among them), and the platform's own {@code upr_*}
 * metrics.
 */
class MetricsTest extends NotificationIntegrationTest {

  @Test
  void theStandardAndThePlatformsMetricsAreThere() throws Exception {
    kafka.send(TASKS_TOPIC, UUID.randomUUID().toString(), "{not json").get(); // a dead letter
    kafka.send(taskCreated(UUID.randomUUID(), UUID.randomUUID().toString(), List.of("UNDP"))).get();
    List<String> exported = Metrics.exportedBy("notification-service");
    assertThat(exported).contains("upr_dead_letters_total", "upr_emails_total");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(scrape())
                    .contains(
                        "jvm_memory_used_bytes{",
                        "hikaricp_connections_active{",
                        "kafka_consumer_fetch_manager_records_lag_max{",
                        "# TYPE upr_notifications_total counter",
                        "application=\"notification-service\""));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String scrape = scrape();
              assertThat(exported)
                  .allSatisfy(name -> assertThat(Metrics.value(scrape, name)).as(name).isNotNaN());
            });
  }
}
