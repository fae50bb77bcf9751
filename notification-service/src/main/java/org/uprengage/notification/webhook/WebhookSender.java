package org.uprengage.notification.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
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
  private final UrlPolicy urls;
  private final CloseableHttpClient http;
  private final ExecutorService posting;
  private final ScheduledExecutorService deadlines;
  private final Semaphore slots = new Semaphore(IN_FLIGHT);

  WebhookSender(JdbcTemplate jdbc, Clock clock, WebhookProperties properties, UrlPolicy urls) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
    this.urls = urls;
    Timeout timeout = Timeout.of(properties.timeout());
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(CONCURRENCY)
                    .setMaxConnPerRoute(CONCURRENCY)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(timeout)
                            .setSocketTimeout(timeout)
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(timeout)
                    .setResponseTimeout(timeout)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
    AtomicInteger threads = new AtomicInteger();
    this.posting =
        Executors.newFixedThreadPool(
            CONCURRENCY,
            runnable -> {
              Thread thread = new Thread(runnable, "webhook-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.deadlines =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "webhook-deadlines");
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
        RETURNING d.id, d.webhook_id, d.body, d.attempts, w.url, w.secret
        """,
        (rs, i) ->
            new Due(
                rs.getObject("id", UUID.class),
                rs.getObject("webhook_id", UUID.class),
                rs.getString("body"),
                rs.getInt("attempts"),
                rs.getString("url"),
                rs.getString("secret")),
        Timestamp.from(clock.instant().plus(properties.timeout().multipliedBy(CLAIM_TIMEOUTS))),
        now,
        now,
        limit);
  }

  private void start(Due delivery) {
    try {
      posting.execute(
          () -> {
            try {
              record(delivery, post(delivery));
            } finally {
              slots.release();
            }
          });
    } catch (RejectedExecutionException e) {
      slots.release(); // shutting down: the claim lapses and the delivery is tried again
    }
  }

  private HttpPost request(Due delivery) {
    long timestamp = clock.instant().getEpochSecond();
    HttpPost request = new HttpPost(delivery.url());
    request.setHeader("User-Agent", "UPR-Engage-Webhooks/1");
    request.setHeader(WebhookSignature.ID, delivery.id().toString());
    request.setHeader(WebhookSignature.TIMESTAMP, Long.toString(timestamp));
    request.setHeader(
        WebhookSignature.SIGNATURE,
        WebhookSignature.sign(delivery.secret(), timestamp, delivery.body()));
    request.setEntity(
        new StringEntity(
            delivery.body(), ContentType.create("application/cloudevents+json", "UTF-8")));
    return request;
  }

  /** Posts the delivery within the deadline; the failure, or empty when the receiver took it. */
  private Optional<Failure> post(Due delivery) {
    Optional<String> refusal = urls.refusal(delivery.url());
    if (refusal.isPresent()) {
      return Optional.of(new Failure(null, "the URL " + refusal.get()));
    }
    HttpPost request;
    try {
      request = request(delivery);
    } catch (IllegalArgumentException e) {
      return Optional.of(new Failure(null, "the URL is not valid"));
    }
    // Socket timeouts count per read: a receiver trickling its answer is cut off here instead.
    ScheduledFuture<?> deadline =
        deadlines.schedule(request::cancel, properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
    try {
      ClassicHttpResponse response = http.executeOpen(null, request, null);
      int status = response.getCode();
      request.cancel(); // the body is not read: drop the connection rather than drain it
      closeQuietly(response);
      return status >= 200 && status < 300
          ? Optional.empty()
          : Optional.of(new Failure(status, "answered HTTP " + status));
    } catch (IOException e) {
      return Optional.of(
          new Failure(
              null,
              request.isCancelled()
                  ? "timed out after " + properties.timeout().toSeconds() + " s"
                  : describe(e)));
    } finally {
      deadline.cancel(false);
    }
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      // the connection was dropped on purpose
    }
  }

  /** What went wrong, as a class of error: never the exception's message. */
  static String describe(IOException e) {
    if (e instanceof UnknownHostException) {
      return "the host name did not resolve";
    }
    if (e instanceof ConnectException) {
      return "the connection failed";
    }
    if (e instanceof InterruptedIOException) {
      return "timed out";
    }
    if (e instanceof SSLException) {
      return "the TLS handshake failed";
    }
    return "the connection broke off";
  }

  private void record(Due delivery, Optional<Failure> failure) {
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
  }

  /** Records a failed attempt, and disables the subscription after too many in a row. */
  private void failed(Due delivery, Failure failure) {
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
  public void destroy() throws IOException {
    posting.shutdownNow();
    deadlines.shutdownNow();
    http.close();
  }

  private record Due(UUID id, UUID webhook, String body, int attempts, String url, String secret) {}

  private record Failure(Integer status, String error) {}
}
