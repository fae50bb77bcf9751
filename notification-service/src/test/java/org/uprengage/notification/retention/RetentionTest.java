package org.uprengage.notification.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprengage.notification.NotificationIntegrationTest;

/**
 * Retention on this service's database, ages taken from its clock: finished rows older than their
 * setting go (e-mails sent, webhook deliveries delivered or given up, processed event ids, dead
 * letters replayed); pending ones, younger ones, and an e-mail a digest still names stay.
 */
class RetentionTest extends NotificationIntegrationTest {

  @Autowired Retention retention;
  @Autowired RetentionSettings settings;

  private UUID webhook;

  @AfterEach
  void leaveNothingDue() { // other tests move the clock: nothing of this one may fall due then
    jdbc.update("DELETE FROM ns_email WHERE recipient = 'retention@example.org'");
    if (webhook != null) {
      jdbc.update("DELETE FROM ns_webhook_delivery WHERE webhook_id = ?", webhook);
      jdbc.update("DELETE FROM ns_webhook WHERE id = ?", webhook);
    }
  }

  @Test
  void finishedRowsPastTheirTimeAreDeletedAndTheRestStay() {
    assertThat(settings.emailsSent()).isEqualTo(Duration.ofDays(90));
    assertThat(settings.webhookDeliveries()).isEqualTo(Duration.ofDays(30));
    assertThat(settings.processedEvents()).isEqualTo(Duration.ofDays(30));
    assertThat(settings.deadLettersReplayed()).isEqualTo(Duration.ofDays(90));

    UUID sentOld = email("sent", older(settings.emailsSent()), null);
    UUID sentRecent = email("sent", younger(settings.emailsSent()), null);
    UUID pendingOld = email("pending", null, null);
    UUID digest = email("sent", older(settings.emailsSent()), null);
    UUID heldForDigest = email("pending", null, digest);

    webhook = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO ns_webhook (id, owner, country_team, url, secret, event_kinds, created_at) VALUES (?, 'admin', 'GHA', 'https://hooks.example.org/r', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', '{task.created}', ?)",
        webhook,
        Timestamp.from(older(settings.webhookDeliveries())));
    UUID deliveredOld = delivery(webhook, "delivered", older(settings.webhookDeliveries()));
    UUID failedOld = delivery(webhook, "failed", older(settings.webhookDeliveries()));
    UUID deliveredRecent = delivery(webhook, "delivered", younger(settings.webhookDeliveries()));
    UUID pendingDelivery = delivery(webhook, "pending", older(settings.webhookDeliveries()));

    String processedOld = processed(older(settings.processedEvents()));
    String processedRecent = processed(younger(settings.processedEvents()));

    UUID replayedOld = deadLetter(older(settings.deadLettersReplayed()));
    UUID replayedRecent = deadLetter(younger(settings.deadLettersReplayed()));
    UUID stillParked = deadLetter(null);

    Map<String, Integer> deleted = retention.clean();

    assertThat(deleted)
        .containsKeys("emails", "webhookDeliveries", "processedEvents", "deadLetters");
    assertThat(ids("ns_email", List.of(sentOld, sentRecent, pendingOld, digest, heldForDigest)))
        .containsExactlyInAnyOrder(sentRecent, pendingOld, digest, heldForDigest);
    assertThat(
            ids(
                "ns_webhook_delivery",
                List.of(deliveredOld, failedOld, deliveredRecent, pendingDelivery)))
        .containsExactlyInAnyOrder(deliveredRecent, pendingDelivery);
    assertThat(
            jdbc.queryForList(
                "SELECT id FROM ns_processed_event WHERE source = 'retention-test' ORDER BY id",
                String.class))
        .containsExactly(processedRecent)
        .doesNotContain(processedOld);
    assertThat(ids("ns_dead_letter", List.of(replayedOld, replayedRecent, stillParked)))
        .containsExactlyInAnyOrder(replayedRecent, stillParked);

    jdbc.update(
        "UPDATE ns_email SET status = 'sent', sent_at = ? WHERE id = ?",
        Timestamp.from(older(settings.emailsSent())),
        heldForDigest);
    retention.clean();
    assertThat(ids("ns_email", List.of(digest, heldForDigest)))
        .as("a digest goes once nothing names it")
        .isEmpty();
  }

  private Instant older(Duration keep) {
    return clock.instant().minus(keep).minus(Duration.ofDays(1));
  }

  private Instant younger(Duration keep) {
    return clock.instant().minus(keep).plus(Duration.ofDays(1));
  }

  private UUID email(String status, Instant sentAt, UUID digest) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO ns_email (id, recipient, subject, text_body, html_body, status, next_attempt_at, sent_at, digest_id) VALUES (?, 'retention@example.org', 's', 't', 'h', ?, ?, ?, ?)",
        id,
        status,
        Timestamp.from(clock.instant().plus(Duration.ofDays(400))), // no sender picks it up
        sentAt == null ? null : Timestamp.from(sentAt),
        digest);
    return id;
  }

  private UUID delivery(UUID webhook, String status, Instant createdAt) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO ns_webhook_delivery (id, webhook_id, event_source, event_id, event_type, body, status, created_at, next_attempt_at) VALUES (?, ?, 'retention-test', ?, 'org.uprengage.task.created.v1', '{}', ?, ?, ?)",
        id,
        webhook,
        id.toString(),
        status,
        Timestamp.from(createdAt),
        Timestamp.from(clock.instant().plus(Duration.ofDays(400)))); // no sender picks it up
    return id;
  }

  private String processed(Instant at) {
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO ns_processed_event (source, id, type, processed_at) VALUES ('retention-test', ?, 'org.uprengage.task.created.v1', ?)",
        id,
        Timestamp.from(at));
    return id;
  }

  private UUID deadLetter(Instant replayedAt) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO ns_dead_letter (id, topic, dlt_partition, dlt_offset, headers, parked_at, replayed_at) VALUES (?, 'upr.retention.test', 0, ?, '{}', ?, ?)",
        id,
        Math.abs(id.getMostSignificantBits()),
        Timestamp.from(clock.instant().minus(Duration.ofDays(400))),
        replayedAt == null ? null : Timestamp.from(replayedAt));
    return id;
  }

  private List<UUID> ids(String table, List<UUID> among) {
    return jdbc.queryForList(
        "SELECT id FROM " + table + " WHERE id = ANY (?::uuid[])",
        UUID.class,
        (Object) among.stream().map(UUID::toString).toArray(String[]::new));
  }
}
