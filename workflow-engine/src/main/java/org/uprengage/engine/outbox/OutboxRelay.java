package org.uprengage.engine.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
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
 * Publishes committed outbox rows to Kafka as CloudEvents in binary mode, oldest first, and numbers
 * each review's events as it goes. One relay at a time works on the outbox (a lease row, {@code
 * upr_outbox_relay_lease}), so several engine nodes never reorder a review's events; a row is
 * marked published only after the broker acknowledged it, so a broker outage only delays delivery.
 *
 * <p>A batch runs in three steps, none of which holds a connection while the broker answers: a
 * short transaction takes the lease until now + {@code lease}, reads the batch and gives each event
 * of a review not yet numbered the review's next sequence number ({@code upr_outbox_sequence},
 * written into the row and its payload, so a row sent again keeps its number); the batch is sent
 * and its acknowledgements awaited, up to the send timeout; one more statement marks what was
 * acknowledged and gives the lease back. A relay that freezes mid-batch (a long GC pause, a network
 * cut) loses the lease once it ran out; another node takes over and sends the frozen batch's rows
 * again, with their numbers (consumers drop a second copy by its id). The lease is longer than the
 * send timeout. The first step sets PostgreSQL's {@code idle_in_transaction_session_timeout} to the
 * lease, so a relay frozen inside it loses its session.
 *
 * <p>The numbers are given in the order the relay publishes, which is the order the events
 * committed as far as a consumer can tell: a row becomes visible to the relay when its transaction
 * commits, and rows visible together go in the order they were written. A command therefore takes
 * no lock for its event (an INSERT), and two commands of one review commit side by side.
 *
 * <p>A row the broker refuses for what it is (too large, a header it cannot take) is tried again at
 * each run, up to {@code maxAttempts} times, then parked with its reason: the events of other
 * reviews go on, the later events of its review wait behind it, and {@link OutboxHealth} reports
 * it. An unreachable broker counts against no row.
 *
 * <p>Each batch's wait for the broker's acknowledgements is timed as {@code upr.outbox.publish}
 * (seconds, tagged {@code outcome} acknowledged or failed).
 */
@Component
class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /** The lease row's key: "UPROUTBX" read as a number. */
  static final long RELAY_LOCK = 0x5550524f55544258L;

  /** This JVM, as the lease row names its holder: "pid@host". */
  private static final String HOLDER = ManagementFactory.getRuntimeMXBean().getName();

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final KafkaTemplate<String, String> kafka;
  private final Settings settings;
  private final Timer acknowledged;
  private final Timer failed;
  private final Duration interval;
  private volatile Instant quietUntil = Instant.MIN;

  /** One run at a time in this JVM: a wake-up waits for a poll under way, then runs. */
  private final ReentrantLock running = new ReentrantLock();

  private volatile long lastRunStarted = System.nanoTime();
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
      @Value("${upr.events.relay.send-timeout:10s}") Duration sendTimeout,
      @Value("${upr.events.relay.lease:30s}") Duration lease,
      @Value("${upr.events.relay.max-attempts:5}") int maxAttempts,
      @Value("${upr.events.relay.interval:200ms}") Duration interval,
      MeterRegistry meters) {
    this(
        jdbc,
        transactions,
        kafka,
        new Settings(source, batchSize, sendTimeout, lease, maxAttempts, RELAY_LOCK),
        interval,
        meters);
  }

  /** A relay of its own (tests), its timings kept apart from the service's metrics. */
  OutboxRelay(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, String> kafka,
      Settings settings) {
    this(jdbc, transactions, kafka, settings, Duration.ZERO, new SimpleMeterRegistry());
  }

  private OutboxRelay(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, String> kafka,
      Settings settings,
      Duration interval,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
    this.settings = settings;
    this.interval = interval;
    this.acknowledged = publishTimer(meters, "acknowledged");
    this.failed = publishTimer(meters, "failed");
  }

  private static Timer publishTimer(MeterRegistry meters, String outcome) {
    return Timer.builder("upr.outbox.publish")
        .description("How long the broker took to acknowledge a batch of outbox events")
        .tag("outcome", outcome)
        .register(meters);
  }

  /**
   * Runs the relay now, on its own thread, after a transaction that wrote events committed;
   * wake-ups that arrive while one is pending or under way are folded into one run after it, which
   * publishes what all of them committed. The scheduled poll stays as the safety net (and serves
   * events written by other engine nodes).
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

  /**
   * The safety net: runs the relay unless a run (a wake-up's, while events are being written)
   * started within the last interval, so that a busy node polls no more than it publishes.
   */
  @Scheduled(fixedDelayString = "${upr.events.relay.interval:200ms}")
  void poll() {
    if (System.nanoTime() - lastRunStarted >= interval.toNanos()) {
      relayPending();
    }
  }

  void relayPending() {
    running.lock();
    try {
      lastRunStarted = System.nanoTime();
      int published;
      do {
        published = publishBatch();
      } while (published == settings.batchSize());
    } catch (RuntimeException e) {
      // Retried on the next tick; log at most once a minute while the broker stays away.
      if (Instant.now().isAfter(quietUntil)) {
        log.warn("Outbox relay could not publish, will retry: {}", e.toString());
        quietUntil = Instant.now().plusSeconds(60);
      }
    } finally {
      running.unlock();
    }
  }

  /**
   * Publishes up to one batch; returns how many rows it published (0 when another relay holds the
   * lease).
   *
   * @throws IllegalStateException if the broker acknowledged none of the batch for a reason that is
   *     not the rows' own (unreachable, too slow)
   */
  int publishBatch() {
    UUID claim = UUID.randomUUID();
    List<OutboxRow> rows =
        transactions.execute(
            status -> {
              if (!takeLease(claim)) {
                return List.of();
              }
              List<OutboxRow> next = nextRowsNumbered();
              if (next.isEmpty()) {
                status.setRollbackOnly(); // nothing to send: the lease goes back with the rollback
              }
              return next;
            });
    if (rows == null || rows.isEmpty()) {
      return 0;
    }
    List<Throwable> failures;
    try {
      long started = System.nanoTime();
      failures = send(rows);
      (failures.contains(null) ? acknowledged : failed)
          .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      settle(rows, List.of(), claim);
      throw e;
    }
    return settle(rows, failures, claim);
  }

  /**
   * Takes the lease for this batch unless another relay holds it: a row of its own per lock key,
   * free when its time is not set or has passed. The same statement sets the transaction's {@code
   * idle_in_transaction_session_timeout} to the lease (a {@code SET LOCAL}), so a relay frozen
   * inside the batch's transaction loses its session.
   */
  private boolean takeLease(UUID claim) {
    return jdbc.update(
            "INSERT INTO upr_outbox_relay_lease (lock_key, claim, holder, until)"
                + " SELECT ?, ?, ?, now() + ? * interval '1 millisecond'"
                + " FROM (SELECT set_config('idle_in_transaction_session_timeout', ?, true)) AS t (timeout)"
                + " WHERE t.timeout IS NOT NULL"
                + " ON CONFLICT (lock_key) DO UPDATE"
                + " SET claim = EXCLUDED.claim, holder = EXCLUDED.holder, until = EXCLUDED.until"
                + " WHERE upr_outbox_relay_lease.until IS NULL OR upr_outbox_relay_lease.until < now()",
            settings.lockKey(),
            claim,
            HOLDER,
            settings.lease().toMillis(),
            Long.toString(settings.lease().toMillis()))
        == 1;
  }

  /**
   * The oldest unpublished rows, leaving out those of a review behind a parked row: the rows
   * already numbered first, in their number, then the others in the order they were written. In the
   * same statement, each event of a review that has no number yet gets its review's next one
   * ({@code upr_outbox_sequence}), in that order, written into the row and into its payload's
   * {@code sequence} (the place the outbox left for it, {@code "sequence":null}), before any of
   * them is sent; the rows come back with their numbers.
   *
   * <p>The lease is taken by a statement of its own before this one, so that this one's snapshot
   * sees what the relay that held the lease last marked published.
   */
  private List<OutboxRow> nextRowsNumbered() {
    return jdbc.query(
        """
        WITH next AS MATERIALIZED (
            SELECT position, event_id, topic, record_key, numbered, sequence, type, subject,
                   occurred_at, payload, attempts, traceparent
            FROM upr_event_outbox o WHERE published_at IS NULL AND parked_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM upr_event_outbox p WHERE p.record_key = o.record_key
                AND p.parked_at IS NOT NULL AND p.published_at IS NULL
                AND CASE WHEN o.numbered AND p.numbered
                         THEN o.sequence IS NULL OR p.sequence < o.sequence
                         ELSE p.position < o.position END)
            ORDER BY sequence NULLS LAST, position LIMIT ?),
        fresh AS (
            SELECT position, record_key,
                   row_number() OVER (PARTITION BY record_key ORDER BY position) AS nth,
                   count(*) OVER (PARTITION BY record_key) AS count
            FROM next WHERE numbered AND sequence IS NULL),
        counter AS (
            INSERT INTO upr_outbox_sequence (record_key, last_sequence)
            SELECT DISTINCT record_key, count FROM fresh
            ON CONFLICT (record_key) DO UPDATE
            SET last_sequence = upr_outbox_sequence.last_sequence + EXCLUDED.last_sequence
            RETURNING record_key, last_sequence),
        given AS (
            SELECT f.position, c.last_sequence - f.count + f.nth AS sequence
            FROM fresh f JOIN counter c USING (record_key)),
        numbered AS (
            UPDATE upr_event_outbox o SET sequence = g.sequence,
                payload = CASE WHEN strpos(o.payload, '"sequence":null') > 0
                               THEN regexp_replace(o.payload, '"sequence":null', '"sequence":' || g.sequence)
                               ELSE jsonb_set(o.payload::jsonb, '{sequence}', to_jsonb(g.sequence))::text END
            FROM given g WHERE o.position = g.position
            RETURNING o.position, o.sequence, o.payload)
        SELECT n.position, n.event_id, n.topic, n.record_key, n.numbered,
               coalesce(u.sequence, n.sequence) AS sequence, n.type, n.subject, n.occurred_at,
               coalesce(u.payload, n.payload) AS payload, n.attempts, n.traceparent
        FROM next n LEFT JOIN numbered u USING (position)
        ORDER BY n.sequence NULLS LAST, n.position
        """,
        (rs, i) ->
            new OutboxRow(
                rs.getLong("position"),
                rs.getString("event_id"),
                rs.getString("topic"),
                rs.getString("record_key"),
                rs.getBoolean("numbered"),
                rs.getObject("sequence", Long.class),
                rs.getString("type"),
                rs.getString("subject"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("payload"),
                rs.getInt("attempts"),
                rs.getString("traceparent")),
        settings.batchSize());
  }

  /**
   * Sends the rows in order and waits for the broker's answers, up to the send timeout in all; once
   * a row of a review failed to be handed to the producer, the review's later rows wait.
   *
   * @return each row's failure, or null where the broker acknowledged it
   */
  private List<Throwable> send(List<OutboxRow> rows) {
    List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
    Set<String> stopped = new HashSet<>();
    for (OutboxRow row : rows) {
      if (stopped.contains(row.recordKey())) {
        sends.add(CompletableFuture.failedFuture(new BehindFailure()));
        continue;
      }
      try {
        CompletableFuture<?> sent = kafka.send(toRecord(row));
        if (sent.isCompletedExceptionally()) {
          stopped.add(row.recordKey()); // refused by the producer before it went anywhere
        }
        sends.add(sent);
      } catch (RuntimeException e) {
        sends.add(CompletableFuture.failedFuture(e));
        stopped.add(row.recordKey());
      }
    }
    long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
    List<Throwable> failures = new ArrayList<>(rows.size());
    for (CompletableFuture<?> sent : sends) {
      try {
        sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        failures.add(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while publishing", e);
      } catch (ExecutionException e) {
        failures.add(e.getCause());
      } catch (Exception e) {
        failures.add(e);
      }
    }
    return failures;
  }

  /**
   * Marks published what the broker acknowledged, up to each review's first failure, and gives the
   * lease back; counts a refused row's attempt and parks it after the last; returns how many rows
   * it published. Each statement commits on its own: a refusal counted without its batch's marks,
   * or the other way round, is right either way.
   */
  private int settle(List<OutboxRow> rows, List<Throwable> failures, UUID claim) {
    Set<String> stopped = new HashSet<>();
    Throwable unavailable = null;
    List<Long> published = new ArrayList<>();
    for (int i = 0; i < failures.size(); i++) {
      OutboxRow row = rows.get(i);
      Throwable failure = failures.get(i);
      if (stopped.contains(row.recordKey())) {
        continue; // sent again after the row before it, which failed
      }
      if (failure == null) {
        published.add(row.position());
        continue;
      }
      stopped.add(row.recordKey());
      if (refused(failure)) {
        refuse(row, failure);
      } else if (!(failure instanceof BehindFailure)) {
        unavailable = failure;
      }
    }
    // marks what the broker acknowledged and gives the lease back, unless another relay took it
    jdbc.update(
        "WITH lease AS (UPDATE upr_outbox_relay_lease SET until = NULL"
            + " WHERE lock_key = ? AND claim = ? RETURNING 1)"
            + " UPDATE upr_event_outbox SET published_at = ? WHERE position = ANY (?)",
        settings.lockKey(),
        claim,
        Timestamp.from(Instant.now()),
        published.toArray(Long[]::new));
    if (published.isEmpty() && unavailable != null) {
      throw new IllegalStateException("Kafka did not acknowledge the batch", unavailable);
    }
    return published.size();
  }

  /** Counts the broker's refusal of a row, and parks the row after its last attempt. */
  private void refuse(OutboxRow row, Throwable failure) {
    int attempts = row.attempts() + 1;
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String reason = cause.toString();
    boolean park = attempts >= settings.maxAttempts();
    jdbc.update(
        "UPDATE upr_event_outbox SET attempts = ?, last_error = ?,"
            + " parked_at = CASE WHEN ? THEN now() END WHERE position = ?",
        attempts,
        reason,
        park,
        row.position());
    if (park) {
      log.error(
          "Outbox event {} ({}, review {}, position {}) parked after {} attempts: {}."
              + " Later events of that review wait until an admin releases or drops it.",
          row.eventId(),
          row.type(),
          row.recordKey(),
          row.position(),
          attempts,
          reason);
    } else {
      log.warn(
          "The broker refused outbox event {} ({}), attempt {} of {}: {}",
          row.eventId(),
          row.type(),
          attempts,
          settings.maxAttempts(),
          reason);
    }
  }

  /**
   * Whether the failure is about the record itself, which sending it again will not change, rather
   * than about the broker being away or slow.
   */
  static boolean refused(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RecordTooLargeException
          || cause instanceof RecordBatchTooLargeException
          || cause instanceof InvalidRecordException
          || cause instanceof SerializationException
          || cause instanceof UnfitRecord) {
        return true;
      }
    }
    return false;
  }

  ProducerRecord<String, String> toRecord(OutboxRow row) {
    try {
      ProducerRecord<String, String> record =
          new ProducerRecord<>(row.topic(), row.recordKey(), row.payload());
      header(record, "ce_specversion", "1.0");
      header(record, "ce_id", row.eventId());
      header(record, "ce_source", settings.source());
      header(record, "ce_type", row.type());
      header(record, "ce_subject", row.subject());
      header(record, "ce_time", DateTimeFormatter.ISO_INSTANT.format(row.occurredAt()));
      header(record, "content-type", "application/json");
      if (row.traceparent() != null) { // CloudEvents' distributed tracing extension
        header(record, "ce_traceparent", row.traceparent());
      }
      return record;
    } catch (RuntimeException e) {
      throw new UnfitRecord(row, e);
    }
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
  }

  /** How the relay works: see the settings in docs/configuration.md. */
  record Settings(
      String source,
      int batchSize,
      Duration sendTimeout,
      Duration lease,
      int maxAttempts,
      long lockKey) {
    Settings {
      if (lease.compareTo(sendTimeout) <= 0) {
        throw new IllegalArgumentException(
            "upr.events.relay.lease ("
                + lease
                + ") must be longer than upr.events.relay.send-timeout ("
                + sendTimeout
                + "): a relay waiting for the broker would lose its lock");
      }
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("upr.events.relay.max-attempts must be 1 or more");
      }
    }
  }

  record OutboxRow(
      long position,
      String eventId,
      String topic,
      String recordKey,
      boolean numbered,
      Long sequence,
      String type,
      String subject,
      Instant occurredAt,
      String payload,
      int attempts,
      String traceparent) {}

  /** A row that cannot be made into a record at all (a header missing, say). */
  static final class UnfitRecord extends RuntimeException {
    UnfitRecord(OutboxRow row, RuntimeException cause) {
      super("Outbox row " + row.position() + " cannot be made a Kafka record: " + cause, cause);
    }
  }

  /** A row not sent because an earlier row of its review failed in the same batch. */
  private static final class BehindFailure extends RuntimeException {
    BehindFailure() {
      super("an earlier event of the review failed", null, false, false);
    }
  }
}
