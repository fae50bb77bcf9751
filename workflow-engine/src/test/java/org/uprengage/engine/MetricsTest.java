package org.uprengage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uprengage.testsupport.Metrics;

/**
 * What {@code /actuator/prometheus} tells an operator: HTTP, JVM, the database pool, the Kafka
 * producer, and the platform's own {@code upr_*} metrics, which move with what happens (the open
 * incidents' gauge in IncidentsTest and TaskIncidentsTest).
 */
class MetricsTest extends EngineIntegrationTest {

  @Test
  void theStandardMetricsAreThere() throws Exception {
    String team = newCountryTeam();
    startReview(team, 41, coordinator(team));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(scrape())
                    .contains(
                        "http_server_requests_seconds_count{",
                        "jvm_memory_used_bytes{",
                        "hikaricp_connections_active{",
                        "kafka_producer_record_send_total{",
                        "application=\"workflow-engine\""));
  }

  @Test
  void everyMetricTheDashboardsMayQueryIsExported() throws Exception {
    String team = newCountryTeam();
    startReview(team, 41, coordinator(team));
    List<String> exported = Metrics.exportedBy("workflow-engine");
    assertThat(exported).contains("upr_outbox_backlog", "upr_incidents_open");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              String scrape = scrape();
              assertThat(exported)
                  .allSatisfy(name -> assertThat(Metrics.value(scrape, name)).as(name).isNotNaN());
            });
  }

  @Test
  void theOutboxMetricsFollowTheRelay() throws Exception {
    assertThat(scrape())
        .contains(
            "# TYPE upr_outbox_backlog gauge",
            "# TYPE upr_outbox_oldest_age_seconds gauge",
            "# TYPE upr_outbox_parked gauge");
    double acknowledged = published();
    String team = newCountryTeam();
    startReview(team, 41, coordinator(team));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(published()).isGreaterThan(acknowledged));
    assertThat(metric("upr_outbox_publish_seconds_sum", "outcome=\"acknowledged\"")).isPositive();
    assertThat(metric("upr_outbox_parked")).isGreaterThanOrEqualTo(0);
  }

  private double published() {
    double count = metric("upr_outbox_publish_seconds_count", "outcome=\"acknowledged\"");
    return Double.isNaN(count) ? 0 : count;
  }
}
