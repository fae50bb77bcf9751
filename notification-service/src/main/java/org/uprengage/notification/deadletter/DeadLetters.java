package org.uprengage.notification.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.uprengage.notification.security.Caller;
import org.uprengage.notification.web.Problems;

/**
 * The records parked on the dead-letter topics, for platform admins: kept as each is read back from
 * its dead-letter topic, listed with the reason, and replayed onto the topic they came from (same
 * key, value and headers, so the same partition and the same event id) once the cause is fixed. A
 * replayed record that fails again is parked again, as a new dead letter.
 */
@Service
public class DeadLetters {

  /** The most dead letters one answer lists, newest first. */
  static final int MAX_LISTED = 200;

  /** The most records one "replay all" sends; the answer says how many remain. */
  static final int MAX_REPLAYED = 1000;

  /** The most of a record's value an answer shows. */
  static final int MAX_VALUE = 4000;

  private static final String DLT_HEADERS = "kafka_dlt-";
  private static final String SUFFIX = ".dlt";
  private static final Set<String> STATES = Set.of("parked", "replayed", "all");

  private final JdbcTemplate jdbc;
  private final KafkaTemplate<String, String> kafka;
  private final ObjectMapper json;
  private final Clock clock;
  private final Set<String> topics;

  DeadLetters(
      JdbcTemplate jdbc,
      KafkaTemplate<String, String> kafka,
      ObjectMapper json,
      Clock clock,
      @Value("${upr.events.topics.tasks}") String tasks,
      @Value("${upr.events.topics.deadlines}") String deadlines,
      @Value("${upr.events.topics.reviews}") String reviews,
      @Value("${upr.events.topics.people}") String people) {
    this.jdbc = jdbc;
    this.kafka = kafka;
    this.json = json;
    this.clock = clock;
    this.topics = Set.of(tasks, deadlines, reviews, people);
  }

  /** Keeps a record read from a dead-letter topic; one read twice is kept once. */
  @Transactional
  public void keep(ConsumerRecord<String, String> parked) {
    Map<String, String> own = new LinkedHashMap<>();
    for (Header header : parked.headers()) {
      if (!header.key().startsWith(DLT_HEADERS) && header.value() != null) {
        own.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    String from = header(parked, "kafka_dlt-original-topic");
    if (from == null) {
      from =
          parked.topic().endsWith(SUFFIX)
              ? parked.topic().substring(0, parked.topic().length() - SUFFIX.length())
              : parked.topic();
    }
    jdbc.update(
        """
        INSERT INTO ns_dead_letter (id, topic, dlt_partition, dlt_offset, record_key, value, headers, event_id, event_type, reason, exception, parked_at)
        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
        """,
        UUID.randomUUID(),
        from,
        parked.partition(),
        parked.offset(),
        parked.key(),
        parked.value(),
        toJson(own),
        own.get("ce_id"),
        own.get("ce_type"),
        header(parked, "kafka_dlt-exception-message"),
        header(parked, "kafka_dlt-exception-fqcn"),
        Timestamp.from(Instant.ofEpochMilli(parked.timestamp())));
  }

  /**
   * The dead letters in {@code state} (parked, replayed or all), of one topic or every one, newest
   * first, at most {@value #MAX_LISTED}.
   */
  @Transactional(readOnly = true)
  public List<DeadLetter> list(Caller caller, String topic, String state) {
    requirePlatformAdmin(caller);
    requireTopic(topic);
    if (!STATES.contains(state)) {
      throw Problems.invalid("state", "must be parked, replayed or all");
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM ns_dead_letter WHERE true");
    List<Object> arguments = new ArrayList<>();
    if (topic != null) {
      sql.append(" AND topic = ?");
      arguments.add(topic);
    }
    if (!state.equals("all")) {
      sql.append(
          state.equals("parked") ? " AND replayed_at IS NULL" : " AND replayed_at IS NOT NULL");
    }
    sql.append(" ORDER BY parked_at DESC, id LIMIT ").append(MAX_LISTED);
    return jdbc.query(sql.toString(), this::row, arguments.toArray());
  }

  /**
   * Sends the dead letter onto its topic again, once the broker acknowledged it marking it
   * replayed: 404 where there is none, 409 where it was replayed already.
   */
  @Transactional
  public DeadLetter replay(Caller caller, UUID id) {
    requirePlatformAdmin(caller);
    List<Map<String, Object>> claimed =
        jdbc.queryForList(
            "SELECT * FROM ns_dead_letter WHERE id = ? AND replayed_at IS NULL FOR UPDATE", id);
    if (claimed.isEmpty()) {
      List<DeadLetter> existing =
          jdbc.query("SELECT * FROM ns_dead_letter WHERE id = ?", this::row, id);
      if (existing.isEmpty()) {
        throw Problems.notFound("Dead letter not found", "No dead letter " + id + ".");
      }
      throw Problems.problem(
          HttpStatus.CONFLICT,
          "Replayed already",
          "The dead letter "
              + id
              + " was replayed at "
              + existing.get(0).replayedAt()
              + "; should it have failed again, it is parked again as a new one.");
    }
    awaitAcknowledged(List.of(send(claimed.get(0))));
    markReplayed(caller, List.of(id));
    return jdbc.query("SELECT * FROM ns_dead_letter WHERE id = ?", this::row, id).get(0);
  }

  /**
   * Replays every parked dead letter of {@code topic} (every topic where null), oldest first, at
   * most {@value #MAX_REPLAYED}; a dead letter another replay holds is left to it.
   */
  @Transactional
  public Replayed replayAll(Caller caller, String topic) {
    requirePlatformAdmin(caller);
    requireTopic(topic);
    String where = "replayed_at IS NULL" + (topic == null ? "" : " AND topic = ?");
    Object[] arguments = topic == null ? new Object[0] : new Object[] {topic};
    List<Map<String, Object>> parked =
        jdbc.queryForList(
            "SELECT * FROM ns_dead_letter WHERE "
                + where
                + " ORDER BY parked_at, dlt_offset LIMIT "
                + MAX_REPLAYED
                + " FOR UPDATE SKIP LOCKED",
            arguments);
    List<CompletableFuture<SendResult<String, String>>> sent = new ArrayList<>();
    for (Map<String, Object> letter : parked) {
      sent.add(send(letter));
    }
    awaitAcknowledged(sent);
    markReplayed(caller, parked.stream().map(letter -> (UUID) letter.get("id")).toList());
    Integer remaining =
        jdbc.queryForObject(
            "SELECT count(*) FROM ns_dead_letter WHERE " + where, Integer.class, arguments);
    return new Replayed(parked.size(), remaining == null ? 0 : remaining);
  }

  /** How many dead letters a "replay all" sent, and how many are still parked. */
  public record Replayed(int replayed, int remaining) {}

  private CompletableFuture<SendResult<String, String>> send(Map<String, Object> letter) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            (String) letter.get("topic"),
            (String) letter.get("record_key"),
            (String) letter.get("value"));
    fromJson(String.valueOf(letter.get("headers")))
        .forEach(
            (name, value) ->
                record
                    .headers()
                    .add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
    return kafka.send(record);
  }

  private static void awaitAcknowledged(List<CompletableFuture<SendResult<String, String>>> sent) {
    try {
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | TimeoutException e) {
      throw unavailable(e);
    }
  }

  private static ErrorResponseException unavailable(Exception cause) {
    ErrorResponseException problem =
        Problems.problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Broker unavailable",
            "The broker did not acknowledge the replay; nothing is marked replayed, try again.");
    problem.initCause(cause);
    return problem;
  }

  private void markReplayed(Caller caller, List<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.update(
        "UPDATE ns_dead_letter SET replayed_at = ?, replayed_by = ? WHERE id = ANY (?::uuid[])",
        Timestamp.from(clock.instant()),
        caller.username(),
        ids.stream().map(UUID::toString).toArray(String[]::new));
  }

  private void requireTopic(String topic) {
    if (topic != null && !topics.contains(topic)) {
      throw Problems.invalid(
          "topic", "must be one of " + String.join(", ", topics.stream().sorted().toList()));
    }
  }

  private static void requirePlatformAdmin(Caller caller) {
    if (!caller.platformAdmin()) {
      throw Problems.forbidden("Only platform admins see and replay dead letters.");
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private DeadLetter row(ResultSet rs, int i) throws SQLException {
    String value = rs.getString("value");
    Timestamp replayed = rs.getTimestamp("replayed_at");
    return new DeadLetter(
        rs.getObject("id", UUID.class),
        rs.getString("topic"),
        rs.getString("record_key"),
        rs.getString("event_id"),
        rs.getString("event_type"),
        rs.getString("reason"),
        rs.getString("exception"),
        value == null || value.length() <= MAX_VALUE
            ? value
            : value.substring(0, MAX_VALUE - 1) + "…",
        rs.getTimestamp("parked_at").toInstant(),
        replayed == null ? null : replayed.toInstant(),
        rs.getString("replayed_by"));
  }

  private String toJson(Map<String, String> headers) {
    try {
      return json.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Headers not writable as JSON", e);
    }
  }

  private Map<String, String> fromJson(String headers) {
    try {
      return json.readValue(headers, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored headers not readable", e);
    }
  }
}
