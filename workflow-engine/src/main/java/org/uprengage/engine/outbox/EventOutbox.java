package org.uprengage.engine.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends an event to the outbox in the caller's transaction, an INSERT that takes no lock. Each
 * event of a review gets the next number of that review's sequence from the relay, in the order it
 * publishes them ({@link OutboxRelay}), so consumers can tell order and gaps.
 *
 * <p>Inside {@link #holdingBack} (an API change: its work, then its audit row) the events the
 * transaction appends are held back and written, in the order appended, in the same statement as
 * the row given to {@link #writeWith}: one statement where there were one per event and one for the
 * row. They commit, or roll back, with the transaction as before. Anywhere else (a job, a poller, a
 * transaction of its own begun inside the change) each event is written at once.
 */
@Component
public class EventOutbox {

  /** Marks a transaction that already asked for the relay to run after its commit. */
  private static final Object WAKE_RELAY = new Object();

  /**
   * The one writer of event data, set apart from the web API's JSON settings so that the wire
   * format changes only with the event records: dates as ISO-8601 strings, null fields left out.
   */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private final JdbcTemplate jdbc;
  private final EventTopics topics;
  private final Clock clock;
  private final OutboxRelay relay;
  private final TraceContext trace;

  EventOutbox(
      JdbcTemplate jdbc,
      EventTopics topics,
      Clock clock,
      @Lazy OutboxRelay relay,
      TraceContext trace) {
    this.jdbc = jdbc;
    this.topics = topics;
    this.clock = clock;
    this.relay = relay;
    this.trace = trace;
  }

  /**
   * Records one event of a review: its fields, after {@code reviewId}, {@code sequence} and {@code
   * occurredAt}, as the data of a CloudEvent of its type, on its topic. The sequence is null here:
   * the relay numbers the event before it first sends it.
   *
   * @return the event id (CloudEvents {@code id})
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID append(UUID reviewId, OutboundEvent event) {
    Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    ObjectNode data = JSON.createObjectNode();
    data.put("reviewId", reviewId.toString());
    // its place among the fields, filled by the relay: the text's first "sequence":null
    data.putNull("sequence");
    data.put("occurredAt", occurredAt.toString());
    data.setAll((ObjectNode) JSON.valueToTree(event));
    return insert(reviewId.toString(), true, event.subject(reviewId), event, occurredAt, data);
  }

  /**
   * Records one event that belongs to no review (a person's entry changed, say), keyed by {@code
   * key}: its fields, after {@code occurredAt}, as the CloudEvent's data.
   *
   * @return the event id (CloudEvents {@code id})
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID appendKeyed(String key, String subject, OutboundEvent event) {
    Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    ObjectNode data = JSON.createObjectNode();
    data.put("occurredAt", occurredAt.toString());
    data.setAll((ObjectNode) JSON.valueToTree(event));
    return insert(key, false, subject, event, occurredAt, data);
  }

  private UUID insert(
      String key,
      boolean numbered,
      String subject,
      OutboundEvent event,
      Instant occurredAt,
      ObjectNode data) {
    UUID eventId = UUID.randomUUID();
    Object[] row = {
      eventId,
      topics.name(event.topic()),
      key,
      numbered,
      event.type(),
      subject,
      Timestamp.from(occurredAt),
      toJson(data),
      trace.currentTraceparent()
    };
    HeldBack held = heldBack();
    if (held == null) {
      jdbc.update(INSERT + ROW, row);
    } else {
      held.rows.add(row);
    }
    wakeRelayAfterCommit();
    return eventId;
  }

  private static final String INSERT =
      "INSERT INTO upr_event_outbox (event_id, topic, record_key, numbered, type, subject,"
          + " occurred_at, payload, traceparent) VALUES ";

  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * Runs {@code work} in the current transaction, holding back the events it appends in this
   * transaction until {@link #writeWith} writes them with its statement; those still held when
   * {@code work} ends are written then. Inside another {@code holdingBack}, runs {@code work} as
   * part of that one; outside a transaction, events are written at once.
   */
  public <T> T holdingBack(Supplier<T> work) {
    if (TransactionSynchronizationManager.hasResource(HELD_BACK)) {
      return work.get();
    }
    HeldBack held = new HeldBack(TransactionSynchronizationManager.getResource(dataSource()));
    TransactionSynchronizationManager.bindResource(HELD_BACK, held);
    try {
      T result = work.get();
      writeHeld(held, null);
      return result;
    } finally {
      TransactionSynchronizationManager.unbindResource(HELD_BACK);
    }
  }

  /**
   * Runs {@code statement} with its arguments, in the same statement as the INSERT of the events
   * held back for it (a data-modifying {@code WITH}, which PostgreSQL runs once and to the end
   * whatever the statement reads of it), or alone where none are held (also outside a transaction).
   */
  public void writeWith(String statement, Object... arguments) {
    HeldBack held = heldBack();
    if (held == null || held.rows.isEmpty()) {
      jdbc.update(statement, arguments);
    } else {
      writeHeld(held, new Statement(statement, arguments));
    }
  }

  /** The held events' INSERT, with {@code statement} (if not null) after it, as one statement. */
  private void writeHeld(HeldBack held, Statement statement) {
    if (held.rows.isEmpty()) {
      return;
    }
    List<Object> arguments = new ArrayList<>();
    held.rows.forEach(row -> arguments.addAll(Arrays.asList(row)));
    String insert = INSERT + String.join(", ", Collections.nCopies(held.rows.size(), ROW));
    if (statement == null) {
      jdbc.update(insert, arguments.toArray());
    } else {
      arguments.addAll(Arrays.asList(statement.arguments()));
      jdbc.update("WITH upr_events AS (" + insert + ") " + statement.sql(), arguments.toArray());
    }
    held.rows.clear();
  }

  /**
   * The events held back in this transaction, or null where they are written at once: outside
   * {@link #holdingBack}, or in a transaction other than the one it holds them for (one begun apart
   * inside it has a connection of its own).
   */
  private HeldBack heldBack() {
    HeldBack held = (HeldBack) TransactionSynchronizationManager.getResource(HELD_BACK);
    return held != null
            && held.connection() != null
            && held.connection() == TransactionSynchronizationManager.getResource(dataSource())
        ? held
        : null;
  }

  private DataSource dataSource() {
    return jdbc.getDataSource();
  }

  /** Marks the transaction whose events are held back, and holds them. */
  private static final Object HELD_BACK = new Object();

  /** Events held back for the transaction on {@code connection}, in the order appended. */
  private record HeldBack(Object connection, List<Object[]> rows) {
    HeldBack(Object connection) {
      this(connection, new ArrayList<>());
    }
  }

  private record Statement(String sql, Object[] arguments) {}

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

  /** The events recorded for a review, in the order they were written: its history. */
  @Transactional(readOnly = true)
  public List<RecordedEvent> eventsOf(UUID reviewId) {
    HeldBack held = heldBack();
    if (held != null) {
      writeHeld(held, null);
    }
    return jdbc.query(
        "SELECT type, occurred_at, payload FROM upr_event_outbox WHERE record_key = ? ORDER BY position",
        (rs, i) ->
            new RecordedEvent(
                rs.getString("type"),
                rs.getTimestamp("occurred_at").toInstant(),
                fromJson(rs.getString("payload"))),
        reviewId.toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fromJson(String payload) {
    try {
      return JSON.readValue(payload, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable outbox payload", e);
    }
  }

  private static String toJson(ObjectNode data) {
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Event data is not serialisable", e);
    }
  }

  /** One recorded event: its type, when it happened and its data. */
  public record RecordedEvent(String type, Instant occurredAt, Map<String, Object> data) {}
}
