package org.uprengage.engine.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Applies the retention settings: deletes published outbox events past their time (never those of a
 * review whose process still runs, nor an unpublished or parked one), in batches so no delete holds
 * many locks; and gives each model named in the settings its history time to live, on every
 * deployed version, at start. Every node runs it; a delete another node made first deletes nothing.
 */
@Service
@EnableConfigurationProperties(RetentionSettings.class)
public class Retention {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);
  static final int BATCH = 5000;

  private final JdbcTemplate jdbc;
  private final RepositoryService repository;
  private final RetentionSettings settings;
  private final Clock clock;

  Retention(
      JdbcTemplate jdbc, RepositoryService repository, RetentionSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.repository = repository;
    this.settings = settings;
    this.clock = clock;
  }

  /** Runs on the schedule {@code upr.retention.cron}. */
  @Scheduled(cron = "${upr.retention.cron}", zone = "UTC")
  void onSchedule() {
    int deleted = deletePublishedEvents();
    if (deleted > 0) {
      log.info(
          "Retention: {} published outbox events older than {} deleted",
          deleted,
          settings.outboxPublished());
    }
  }

  /**
   * Deletes the outbox events published longer ago than the setting, but those of reviews still
   * running.
   *
   * @return how many were deleted
   */
  public int deletePublishedEvents() {
    Instant before = clock.instant().minus(settings.outboxPublished());
    int total = 0;
    int deleted;
    do {
      deleted =
          jdbc.update(
              """
              DELETE FROM upr_event_outbox WHERE position IN (
                SELECT o.position FROM upr_event_outbox o
                WHERE o.published_at < ?
                  AND NOT EXISTS (
                    SELECT 1 FROM upr_review r JOIN act_ru_execution e ON e.proc_inst_id_ = r.process_instance_id
                    WHERE r.id::text = o.record_key)
                LIMIT ?)
              """,
              Timestamp.from(before),
              BATCH);
      total += deleted;
    } while (deleted == BATCH);
    return total;
  }

  /** Gives the models named in the settings their history time to live, once the engine runs. */
  @EventListener(ApplicationReadyEvent.class)
  public void applyHistoryTimeToLive() {
    applyHistoryTimeToLive(settings.historyTimeToLive());
  }

  /**
   * Gives every deployed version of each model named its history time to live (in days).
   *
   * @return how many process definitions changed
   */
  public int applyHistoryTimeToLive(Map<String, Integer> days) {
    int changed = 0;
    for (Map.Entry<String, Integer> model : days.entrySet()) {
      for (ProcessDefinition definition :
          repository.createProcessDefinitionQuery().processDefinitionKey(model.getKey()).list()) {
        if (!Objects.equals(definition.getHistoryTimeToLive(), model.getValue())) {
          repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), model.getValue());
          changed++;
        }
      }
    }
    return changed;
  }
}
