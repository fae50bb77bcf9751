package org.uprengage.engine.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprengage.engine.EngineIntegrationTest;

/**
 * Retention on the engine's database: published outbox events older than the setting (a year by
 * default) are deleted, but never a running review's (its timeline reads them), nor one not
 * published; each model named in the settings gets its history time to live. Ages are taken from
 * the engine's clock.
 */
class RetentionTest extends EngineIntegrationTest {

  @Autowired Retention retention;
  @Autowired RetentionSettings settings;
  @Autowired RepositoryService repository;
  @Autowired Clock clock;

  @Test
  void publishedEventsPastTheirTimeAreDeletedButARunningReviewsAndUnpublishedOnesStay()
      throws Exception {
    assertThat(settings.outboxPublished()).isEqualTo(Duration.ofDays(365));
    Instant now = clock.instant();
    Instant old = now.minus(settings.outboxPublished()).minus(Duration.ofDays(1));
    Instant recent = now.minus(settings.outboxPublished()).plus(Duration.ofDays(1));

    String team = newCountryTeam();
    String running = startReview(team, 41, coordinator(team));
    jdbc.update(
        "UPDATE upr_event_outbox SET published_at = ? WHERE record_key = ?",
        Timestamp.from(old),
        running);
    UUID ended = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO upr_review (id, country, session_number, process_instance_id, started_by, started_at) VALUES (?, ?, 42, 'ended-long-ago', 'coordinator', ?)",
        ended,
        team,
        Timestamp.from(old));
    UUID endedOld = event(ended.toString(), old, old, null);
    UUID endedRecent = event(ended.toString(), old, recent, null);
    UUID parked = event(ended.toString(), old, null, old);
    UUID personOld = event("retention-person-" + team, old, old, null);

    int deleted;
    List<UUID> kept;
    try {
      deleted = retention.deletePublishedEvents();
      kept = kept(List.of(endedOld, endedRecent, parked, personOld));
    } finally { // a parked event turns the engine's health DOWN for every other test
      jdbc.update("DELETE FROM upr_event_outbox WHERE event_id = ?", parked);
    }

    assertThat(deleted).isGreaterThanOrEqualTo(2);
    assertThat(kept).containsExactlyInAnyOrder(endedRecent, parked);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM upr_event_outbox WHERE record_key = ?",
                Integer.class,
                running))
        .as("the running review's events, however old")
        .isPositive();
    assertThat(retention.deletePublishedEvents()).as("nothing more to delete").isZero();
  }

  @Test
  void aModelNamedInTheSettingsGetsItsHistoryTimeToLiveOnEveryVersion() {
    for (int version = 0; version < 2; version++) {
      repository
          .createDeployment()
          .addModelInstance(
              "retention-drill.bpmn",
              Bpmn.createExecutableProcess("retention-drill")
                  .camundaHistoryTimeToLive(180)
                  .name("v" + version)
                  .startEvent("StartEvent_Drill")
                  .endEvent("EndEvent_Drill")
                  .done())
          .deploy();
    }

    int changed = retention.applyHistoryTimeToLive(Map.of("retention-drill", 30));

    List<ProcessDefinition> versions =
        repository.createProcessDefinitionQuery().processDefinitionKey("retention-drill").list();
    assertThat(changed).isEqualTo(versions.size()).isGreaterThanOrEqualTo(2);
    assertThat(versions).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(30));
    assertThat(retention.applyHistoryTimeToLive(Map.of("retention-drill", 30))).isZero();
  }

  private UUID event(String key, Instant occurred, Instant published, Instant parkedAt) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO upr_event_outbox (event_id, topic, record_key, type, subject, occurred_at, payload, published_at, parked_at, attempts) VALUES (?, 'upr.retention.test', ?, 'org.uprengage.test.v1', 'test', ?, '{}', ?, ?, 0)",
        id,
        key,
        Timestamp.from(occurred),
        published == null ? null : Timestamp.from(published),
        parkedAt == null ? null : Timestamp.from(parkedAt));
    return id;
  }

  private List<UUID> kept(List<UUID> ids) {
    return jdbc.queryForList(
        "SELECT event_id FROM upr_event_outbox WHERE event_id = ANY (?::uuid[])",
        UUID.class,
        (Object) ids.stream().map(UUID::toString).toArray(String[]::new));
  }
}
