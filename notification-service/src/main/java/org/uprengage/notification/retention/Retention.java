package org.uprengage.notification.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Deletes the finished rows past their time, in batches so no delete holds many locks. Pending
 * e-mails and deliveries are never touched, nor an e-mail a digest still names. Every replica runs
 * it; a delete another made first deletes nothing.
 */
@Service
@EnableConfigurationProperties(RetentionSettings.class)
public class Retention {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);
  static final int BATCH = 5000;

  private final JdbcTemplate jdbc;
  private final RetentionSettings settings;
  private final Clock clock;

  Retention(JdbcTemplate jdbc, RetentionSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(cron = "${upr.retention.cron}", zone = "UTC")
  void onSchedule() {
    Map<String, Integer> deleted = clean();
    if (deleted.values().stream().anyMatch(count -> count > 0)) {
      log.info("Retention: deleted {}", deleted);
    }
  }

  /**
   * Deletes every finished row older than its setting.
   *
   * @return how many rows of each kind were deleted
   */
  public Map<String, Integer> clean() {
    Map<String, Integer> deleted = new LinkedHashMap<>();
    deleted.put(
        "emails",
        inBatches(
            """
            DELETE FROM ns_email WHERE id IN (
              SELECT e.id FROM ns_email e WHERE e.status = 'sent' AND e.sent_at < ?
                AND NOT EXISTS (SELECT 1 FROM ns_email d WHERE d.digest_id = e.id) LIMIT ?)
            """,
            settings.emailsSent()));
    deleted.put(
        "webhookDeliveries",
        inBatches(
            """
            DELETE FROM ns_webhook_delivery WHERE id IN (
              SELECT id FROM ns_webhook_delivery WHERE status IN ('delivered', 'failed') AND created_at < ? LIMIT ?)
            """,
            settings.webhookDeliveries()));
    deleted.put(
        "processedEvents",
        inBatches(
            """
            DELETE FROM ns_processed_event WHERE (source, id) IN (
              SELECT source, id FROM ns_processed_event WHERE processed_at < ? LIMIT ?)
            """,
            settings.processedEvents()));
    deleted.put(
        "deadLetters",
        inBatches(
            """
            DELETE FROM ns_dead_letter WHERE id IN (
              SELECT id FROM ns_dead_letter WHERE replayed_at < ? LIMIT ?)
            """,
            settings.deadLettersReplayed()));
    return deleted;
  }

  private int inBatches(String delete, Duration keep) {
    Timestamp before = Timestamp.from(clock.instant().minus(keep));
    int total = 0;
    int deleted;
    do {
      deleted = jdbc.update(delete, before, BATCH);
      total += deleted;
    } while (deleted > 0); // an e-mail a digest named goes once the e-mails naming it went
    return total;
  }
}
