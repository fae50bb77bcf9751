package org.uprengage.engine.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends an event to the outbox in the caller's transaction. Each event of a review gets the next
 * number of that review's sequence, so consumers can tell order and gaps.
 */
@Component
public class EventOutbox {

  /** Marks a transaction that already asked for the relay to run after its commit. */
  private static final Object WAKE_RELAY = new Object();

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;
  private final OutboxRelay relay;

  EventOutbox(JdbcTemplate jdbc, ObjectMapper json, Clock clock, @Lazy OutboxRelay relay) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.relay = relay;
  }

  /**
   * Records one event. The payload gets {@code reviewId}, {@code sequence} and {@code occurredAt}
   * added; the rest is the caller's.
   *
   * @return the event id (CloudEvents {@code id})
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID append(
      String topic, UUID reviewId, String type, String subject, Map<String, ?> payload) {
    Long sequence =
        jdbc.queryForObject(
            "UPDATE upr_review SET event_sequence = event_sequence + 1 WHERE id = ? RETURNING event_sequence",
            Long.class,
            reviewId);
    if (sequence == null) {
      throw new IllegalStateException("No review " + reviewId + " to record " + type + " for");
    }
    Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reviewId", reviewId.toString());
    body.put("sequence", sequence);
    body.put("occurredAt", occurredAt.toString());
    body.putAll(payload);
    UUID eventId = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO upr_event_outbox (event_id, topic, record_key, type, subject, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?)",
        eventId,
        topic,
        reviewId.toString(),
        type,
        subject,
        Timestamp.from(occurredAt),
        toJson(body));
    wakeRelayAfterCommit();
    return eventId;
  }

  /** Publishes right after the commit instead of at the relay's next poll: lower latency. */
  private void wakeRelayAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || TransactionSynchronizationManager.hasResource(WAKE_RELAY)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(WAKE_RELAY, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            relay.wakeUp();
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_RELAY);
          }
        });
  }

  /** The events recorded for a review, in their sequence: its history as the services saw it. */
  @Transactional(readOnly = true)
  public List<RecordedEvent> eventsOf(UUID reviewId) {
    return jdbc.query(
        "SELECT type, occurred_at, payload FROM upr_event_outbox WHERE record_key = ? ORDER BY position",
        (rs, i) ->
            new RecordedEvent(
                rs.getString("type"),
                rs.getTimestamp("occurred_at").toInstant(),
                fromJson(rs.getString("payload"))),
        reviewId.toString());
  }

  /** One recorded event: its type, when it happened and its data. */
  public record RecordedEvent(String type, Instant occurredAt, Map<String, Object> data) {}

  @SuppressWarnings("unchecked")
  private Map<String, Object> fromJson(String payload) {
    try {
      return json.readValue(payload, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable outbox payload", e);
    }
  }

  private String toJson(Map<String, Object> body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Event payload is not serialisable", e);
    }
  }
}
