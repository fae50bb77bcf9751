package org.uprengage.notification.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts the due deliveries, signed, and records how each went: a 2xx answer delivers it; anything
 * else is retried with exponential backoff, and a subscription whose deliveries fail {@code
 * max-consecutive-failures} times in a row is disabled with the reason.
 */
@Component
class WebhookSender {

  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
  private static final int BATCH = 20;
  private static final int MAX_ERROR_LENGTH = 500;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final WebhookProperties properties;
  private final UrlPolicy urls;
  private final HttpClient http;

  WebhookSender(JdbcTemplate jdbc, Clock clock, WebhookProperties properties, UrlPolicy urls) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
    this.urls = urls;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Scheduled(fixedDelayString = "${upr.webhooks.interval:1s}")
  @Transactional
  public void deliverDue() {
    List<Due> due =
        jdbc.query(
            """
            SELECT d.id, d.webhook_id, d.body, d.attempts, w.url, w.secret FROM ns_webhook_delivery d
            JOIN ns_webhook w ON w.id = d.webhook_id
            WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND w.status = 'active' AND w.deleted_at IS NULL
            ORDER BY d.next_attempt_at, d.created_at LIMIT ? FOR UPDATE OF d SKIP LOCKED
            """,
            (rs, i) ->
                new Due(
                    rs.getObject("id", UUID.class),
                    rs.getObject("webhook_id", UUID.class),
                    rs.getString("body"),
                    rs.getInt("attempts"),
                    rs.getString("url"),
                    rs.getString("secret")),
            Timestamp.from(clock.instant()),
            BATCH);
    Set<UUID> disabled = new HashSet<>();
    for (Due delivery : due) {
      if (disabled.contains(delivery.webhook())) {
        continue;
      }
      Optional<Failure> failure = post(delivery);
      if (failure.isEmpty()) {
        delivered(delivery);
      } else if (failed(delivery, failure.get())) {
        disabled.add(delivery.webhook());
      }
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  private Optional<Failure> post(Due delivery) {
    Optional<String> refusal = urls.refusal(delivery.url());
    if (refusal.isPresent()) {
      return Optional.of(new Failure(null, "the URL " + refusal.get()));
    }
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(delivery.url()))
            .timeout(properties.timeout())
            .header("Content-Type", "application/cloudevents+json; charset=utf-8")
            .header("User-Agent", "UPR-Engage-Webhooks/1")
            .header(WebhookSignature.ID, delivery.id().toString())
            .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
            .header(
                WebhookSignature.SIGNATURE,
                WebhookSignature.sign(delivery.secret(), timestamp, delivery.body()))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status >= 200 && status < 300
          ? Optional.empty()
          : Optional.of(new Failure(status, "answered HTTP " + status));
    } catch (IOException e) {
      return Optional.of(new Failure(null, e.getClass().getSimpleName() + ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(new Failure(null, "interrupted while posting"));
    }
  }

  private void delivered(Due delivery) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update(
        "UPDATE ns_webhook_delivery SET status = 'delivered', attempts = attempts + 1, last_status_code = NULL, last_error = NULL, delivered_at = ? WHERE id = ?",
        now,
        delivery.id());
    jdbc.update("UPDATE ns_webhook SET consecutive_failures = 0 WHERE id = ?", delivery.webhook());
  }

  /** Records a failed attempt; true when it disabled the subscription. */
  private boolean failed(Due delivery, Failure failure) {
    int attempts = delivery.attempts() + 1;
    boolean givingUp = attempts >= properties.maxAttempts();
    String error = truncate(failure.error());
    jdbc.update(
        "UPDATE ns_webhook_delivery SET status = ?, attempts = ?, last_status_code = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
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
      jdbc.update(
          "UPDATE ns_webhook SET status = 'disabled', disabled_at = ?, disabled_reason = ? WHERE id = ? AND status = 'active'",
          Timestamp.from(clock.instant()),
          "Disabled after "
              + inARow
              + " consecutive failed deliveries; the last one: "
              + error
              + ". Fix the receiver, then enable the subscription again.",
          delivery.webhook());
      log.warn("Webhook subscription {} disabled after {} failures", delivery.webhook(), inARow);
      return true;
    }
    return false;
  }

  private static String truncate(String error) {
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }

  private record Due(UUID id, UUID webhook, String body, int attempts, String url, String secret) {}

  private record Failure(Integer status, String error) {}
}
