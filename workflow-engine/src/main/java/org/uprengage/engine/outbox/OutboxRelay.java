package org.uprengage.engine.outbox;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents in binary mode, oldest first. One relay
 * at a time works on the outbox (a PostgreSQL advisory lock), so several engine nodes never reorder
 * a review's events; a row is marked published only after the broker acknowledged it, so a broker
 * outage only delays delivery.
 */
@Component
class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /** Advisory lock key: "UPROUTBX" read as a number. */
  static final long RELAY_LOCK = 0x5550524f55544258L;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final KafkaTemplate<String, String> kafka;
  private final String source;
  private final int batchSize;
  private final Duration sendTimeout;
  private final long lockKey;
  private volatile Instant quietUntil = Instant.MIN;
  private final AtomicBoolean wakeUpPending = new AtomicBoolean();
  private final ExecutorService wakeUps =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay-wake-up");
            thread.setDaemon(true);
            return thread;
          });

  @Autowired
  OutboxRelay(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, String> kafka,
      @Value("${upr.events.source}") String source,
      @Value("${upr.events.relay.batch-size:200}") int batchSize,
      @Value("${upr.events.relay.send-timeout:10s}") Duration sendTimeout) {
    this(jdbc, transactions, kafka, source, batchSize, sendTimeout, RELAY_LOCK);
  }

  OutboxRelay(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, String> kafka,
      String source,
      int batchSize,
      Duration sendTimeout,
      long lockKey) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
    this.source = source;
    this.batchSize = batchSize;
    this.sendTimeout = sendTimeout;
    this.lockKey = lockKey;
  }

  /**
   * Runs the relay now, on its own thread, after a transaction that wrote events committed;
   * wake-ups that arrive while one is pending are folded into it. The scheduled poll stays as the
   * safety net (and serves events written by other engine nodes).
   */
  void wakeUp() {
    if (wakeUpPending.compareAndSet(false, true)) {
      wakeUps.execute(
          () -> {
            wakeUpPending.set(false);
            relayPending();
          });
    }
  }

  @PreDestroy
  void stopWakeUps() {
    wakeUps.shutdownNow();
  }

  @Scheduled(fixedDelayString = "${upr.events.relay.interval:200ms}")
  void relayPending() {
    try {
      int published;
      do {
        published = publishBatch();
      } while (published == batchSize);
    } catch (RuntimeException e) {
      // Retried on the next tick; log at most once a minute while the broker stays away.
      if (Instant.now().isAfter(quietUntil)) {
        log.warn("Outbox relay could not publish, will retry: {}", e.toString());
        quietUntil = Instant.now().plusSeconds(60);
      }
    }
  }

  /** Publishes up to one batch; returns how many rows it published. */
  int publishBatch() {
    Integer published =
        transactions.execute(
            status -> {
              Boolean locked =
                  jdbc.queryForObject(
                      "SELECT pg_try_advisory_xact_lock(?)", Boolean.class, lockKey);
              if (!Boolean.TRUE.equals(locked)) {
                return 0;
              }
              List<OutboxRow> rows =
                  jdbc.query(
                      "SELECT position, event_id, topic, record_key, type, subject, occurred_at, payload FROM upr_event_outbox"
                          + " WHERE published_at IS NULL ORDER BY position LIMIT ?",
                      (rs, i) ->
                          new OutboxRow(
                              rs.getLong("position"),
                              rs.getString("event_id"),
                              rs.getString("topic"),
                              rs.getString("record_key"),
                              rs.getString("type"),
                              rs.getString("subject"),
                              rs.getTimestamp("occurred_at").toInstant(),
                              rs.getString("payload")),
                      batchSize);
              if (rows.isEmpty()) {
                return 0;
              }
              send(rows);
              jdbc.update(
                  "UPDATE upr_event_outbox SET published_at = ? WHERE position = ANY (?)",
                  Timestamp.from(Instant.now()),
                  rows.stream().map(OutboxRow::position).toArray(Long[]::new));
              return rows.size();
            });
    return published == null ? 0 : published;
  }

  private void send(List<OutboxRow> rows) {
    List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
    try {
      for (OutboxRow row : rows) {
        sends.add(kafka.send(toRecord(row)));
      }
    } catch (RuntimeException e) {
      throw new IllegalStateException("Kafka did not accept the batch", e);
    }
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while publishing", e);
    } catch (Exception e) {
      throw new IllegalStateException("Kafka did not acknowledge the batch", e);
    }
  }

  ProducerRecord<String, String> toRecord(OutboxRow row) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(row.topic(), row.recordKey(), row.payload());
    header(record, "ce_specversion", "1.0");
    header(record, "ce_id", row.eventId());
    header(record, "ce_source", source);
    header(record, "ce_type", row.type());
    header(record, "ce_subject", row.subject());
    header(record, "ce_time", DateTimeFormatter.ISO_INSTANT.format(row.occurredAt()));
    header(record, "content-type", "application/json");
    return record;
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
  }

  record OutboxRow(
      long position,
      String eventId,
      String topic,
      String recordKey,
      String type,
      String subject,
      Instant occurredAt,
      String payload) {}
}
