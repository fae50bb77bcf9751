package org.uprengage.notification.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Posts the due deliveries, signed, and records how each went: a 2xx answer delivers it; anything
 * else is retried with exponential backoff, and a subscription whose deliveries fail {@code
 * max-consecutive-failures} times in a row is disabled with the reason.
 *
 * <p>No network call happens inside a transaction: due deliveries are claimed in one short
 * statement (the claim lapses after a few timeouts, should this process die), posted on a small
 * pool of its own, each within a total deadline of {@code timeout} (connecting, sending, and the
 * receiver's status line and headers; the response body is never read), and each result is recorded
 * in a statement of its own. A slow receiver therefore holds one posting thread for at most the
 * timeout, and never the scheduler, the database or the other channels.
 *
 * <p>Each attempt is counted as {@code upr.webhook.deliveries}, tagged {@code outcome}: delivered,
 * retry (failed, to be tried again) or failed (given up).
 */
@Component
class WebhookSender implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  /** Deliveries posted at the same time, at most. */
  static final int CONCURRENCY = 4;

  /** Deliveries claimed and not yet recorded, at most (posted {@value #CONCURRENCY} at a time). */
  private static final int IN_FLIGHT = 20;

  /**
   * How many timeouts a claim lasts: enough for every claimed delivery to wait its turn and take
   * its connect timeout plus its deadline.
   */
  private static final long CLAIM_TIMEOUTS = 2L * (IN_FLIGHT / CONCURRENCY) + 2;

  private static final int MAX_ERROR_LENGTH = 500;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final WebhookProperties properties;
  private final WebhookPoster poster;
  private final Webhooks webhooks;
  private final ExecutorService posting;
  private final Semaphore slots = new Semaphore(IN_FLIGHT);
  private final MeterRegistry meters;

  WebhookSender(
      JdbcTemplate jdbc,
      Clock clock,
      WebhookProperties properties,
      WebhookPoster poster,
      Webhooks webhooks,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.meters = meters;
    List.of("delivered", "retry", "failed").forEach(this::counter); // shown from the start
    this.webhooks = webhooks;
    this.clock = clock;
    this.properties = properties;
    this.poster = poster;
    AtomicInteger threads = new AtomicInteger();
    this.posting =
        Executors.newFixedThreadPool(
            CONCURRENCY,
            runnable -> {
              Thread thread = new Thread(runnable, "webhook-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Claims what is due, as many as there are free slots, and starts posting each. */
  @Scheduled(fixedDelayString = "${upr.webhooks.interval:1s}")
  public void deliverDue() {
    int free = slots.drainPermits();
    if (free == 0) {
      return;
    }
    List<Due> due = claim(free);
    slots.release(free - due.size());
    due.forEach(this::start);
  }

  private List<Due> claim(int limit) {
    Timestamp now = Timestamp.from(clock.instant());
    return jdbc.query(
        """
        UPDATE ns_webhook_delivery d SET claimed_until = ?
        FROM ns_webhook w
        WHERE w.id = d.webhook_id AND d.id IN (
            SELECT d2.id FROM ns_webhook_delivery d2 JOIN ns_webhook w2 ON w2.id = d2.webhook_id
            WHERE d2.status = 'pending' AND d2.next_attempt_at <= ? AND (d2.claimed_until IS NULL OR d2.claimed_until < ?)
              AND w2.status = 'active' AND w2.deleted_at IS NULL
            ORDER BY d2.next_attempt_at, d2.created_at LIMIT ? FOR UPDATE OF d2 SKIP LOCKED)
        RETURNING d.id, d.webhook_id, d.body, d.attempts, w.url, w.secret, w.owner, w.country_team, w.agency
        """,
        (rs, i) ->
            new Due(
                rs.getObject("id", UUID.class),
                rs.getObject("webhook_id", UUID.class),
                rs.getString("body"),
                rs.getInt("attempts"),
                rs.getString("url"),
                rs.getString("secret"),
                rs.getString("owner"),
                rs.getString("country_team"),
                rs.getString("agency")),
        Timestamp.from(clock.instant().plus(properties.timeout().multipliedBy(CLAIM_TIMEOUTS))),
        now,
        now,
        limit);
  }

  private void start(Due delivery) {
    if (!webhooks.ownerStillSpeaksFor(
        delivery.owner(), delivery.countryTeam(), delivery.agency())) {
      // queued while its creator still could hear of it: not posted now that they cannot
      webhooks.disableForItsOwner(delivery.webhook(), delivery.owner());
      jdbc.update(
          "UPDATE ns_webhook_delivery SET claimed_until = NULL WHERE id = ?", delivery.id());
      slots.release();
      return;
    }
    try {
      posting.execute(
          () -> {
            try {
              record(
                  delivery,
                  poster.post(delivery.url(), delivery.id(), delivery.secret(), delivery.body()));
            } finally {
              slots.release();
            }
          });
    } catch (RejectedExecutionException e) {
      slots.release(); // shutting down: the claim lapses and the delivery is tried again
    }
  }

  private void record(Due delivery, Optional<WebhookPoster.Failure> failure) {
    try {
      if (failure.isEmpty()) {
        delivered(delivery);
      } else {
        failed(delivery, failure.get());
      }
    } catch (RuntimeException e) {
      // the claim lapses and the delivery is tried again
      log.warn("Could not record webhook delivery {}: {}", delivery.id(), e.toString());
    }
  }

  private void delivered(Due delivery) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update(
        "UPDATE ns_webhook_delivery SET status = 'delivered', attempts = attempts + 1, last_status_code = NULL, last_error = NULL, delivered_at = ?, claimed_until = NULL WHERE id = ?",
        now,
        delivery.id());
    jdbc.update("UPDATE ns_webhook SET consecutive_failures = 0 WHERE id = ?", delivery.webhook());
    count("delivered");
  }

  private void count(String outcome) {
    counter(outcome).increment();
  }

  private Counter counter(String outcome) {
    return Counter.builder("upr.webhook.deliveries")
        .description("Webhook delivery attempts, by outcome")
        .tag("outcome", outcome)
        .register(meters);
  }

  /** Records a failed attempt, and disables the subscription after too many in a row. */
  private void failed(Due delivery, WebhookPoster.Failure failure) {
    int attempts = delivery.attempts() + 1;
    boolean givingUp = attempts >= properties.maxAttempts();
    String error = truncate(failure.error());
    jdbc.update(
        "UPDATE ns_webhook_delivery SET status = ?, attempts = ?, last_status_code = ?, last_error = ?, next_attempt_at = ?, claimed_until = NULL WHERE id = ?",
        givingUp ? "failed" : "pending",
        attempts,
        failure.status(),
        error,
        Timestamp.from(clock.instant().plus(properties.backoff(attempts))),
        delivery.id());
    count(givingUp ? "failed" : "retry");
    Integer inARow =
        jdbc.queryForObject(
            "UPDATE ns_webhook SET consecutive_failures = consecutive_failures + 1 WHERE id = ? RETURNING consecutive_failures",
            Integer.class,
            delivery.webhook());
    log.warn(
        "Webhook delivery {} to subscription {} failed (attempt {}{}): {}",
        delivery.id(),
        delivery.webhook(),
        attempts,
        givingUp ? ", giving up" : "",
        error);
    if (inARow != null && inARow >= properties.maxConsecutiveFailures()) {
      int disabled =
          jdbc.update(
              "UPDATE ns_webhook SET status = 'disabled', disabled_at = ?, disabled_reason = ? WHERE id = ? AND status = 'active'",
              Timestamp.from(clock.instant()),
              "Disabled after "
                  + inARow
                  + " consecutive failed deliveries; the last one: "
                  + error
                  + ". Fix the receiver, then enable the subscription again.",
              delivery.webhook());
      if (disabled > 0) {
        log.warn("Webhook subscription {} disabled after {} failures", delivery.webhook(), inARow);
      }
    }
  }

  private static String truncate(String error) {
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }

  @Override
  public void destroy() {
    posting.shutdownNow();
  }

  private record Due(
      UUID id,
      UUID webhook,
      String body,
      int attempts,
      String url,
      String secret,
      String owner,
      String countryTeam,
      String agency) {}
}
