package org.uprengage.engine.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The relay's lag and its parked rows, as the health detail {@code outbox} on the management port
 * and as the gauges {@code upr.outbox.backlog}, {@code upr.outbox.oldest.age} (seconds) and {@code
 * upr.outbox.parked}. A parked row makes the detail DOWN: it needs an admin (see
 * docs/operations.md); a backlog alone does not, a broker outage is reported by its age.
 */
@Component("outbox")
class OutboxHealth implements HealthIndicator {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  OutboxHealth(JdbcTemplate jdbc, Clock clock, ObjectProvider<MeterRegistry> registry) {
    this.jdbc = jdbc;
    this.clock = clock;
    registry.ifAvailable(
        meters -> {
          Gauge.builder("upr.outbox.backlog", this, health -> health.lag().backlog())
              .description("Outbox events not yet published, parked ones left out")
              .register(meters);
          Gauge.builder("upr.outbox.oldest.age", this, health -> health.lag().oldestAgeSeconds())
              .description("Age of the oldest outbox event waiting to be published")
              .baseUnit("seconds")
              .register(meters);
          Gauge.builder("upr.outbox.parked", this, health -> health.lag().parked())
              .description("Outbox events the broker kept refusing, parked for an admin")
              .register(meters);
        });
  }

  @Override
  public Health health() {
    Lag lag = lag();
    Health.Builder health = lag.parked() > 0 ? Health.down() : Health.up();
    return health
        .withDetail("backlog", lag.backlog())
        .withDetail("oldestUnpublishedAgeSeconds", lag.oldestAgeSeconds())
        .withDetail("parked", lag.parked())
        .build();
  }

  /** The unpublished rows: how many wait, how long the oldest has waited, how many are parked. */
  Lag lag() {
    return jdbc.queryForObject(
        "SELECT count(*) FILTER (WHERE parked_at IS NULL) AS backlog,"
            + " min(occurred_at) FILTER (WHERE parked_at IS NULL) AS oldest,"
            + " count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked"
            + " FROM upr_event_outbox WHERE published_at IS NULL",
        (rs, i) -> {
          Timestamp oldest = rs.getTimestamp("oldest");
          long age =
              oldest == null
                  ? 0
                  : Math.max(0, Duration.between(oldest.toInstant(), now()).toSeconds());
          return new Lag(rs.getLong("backlog"), age, rs.getLong("parked"));
        });
  }

  private Instant now() {
    return clock.instant();
  }

  record Lag(long backlog, long oldestAgeSeconds, long parked) {}
}
