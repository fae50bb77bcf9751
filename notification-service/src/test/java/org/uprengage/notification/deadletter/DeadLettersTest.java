package org.uprengage.notification.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.uprengage.notification.NotificationIntegrationTest;

/**
 * What is parked on each dead-letter topic is listed to platform admins with the reason, and
 * replayed after a fix. The fault, made on purpose: the database refuses to record these events as
 * processed (a trigger, a failure of the statement and not of the database, so each is tried three
 * times and parked); the fix drops the trigger; the replays then process each event once.
 */
class DeadLettersTest extends NotificationIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final JwtRequestPostProcessor PLATFORM_ADMIN =
      caller("platform-ops", null, List.of(), "platform-admin");

  @AfterEach
  void fix() {
    jdbc.execute("DROP TRIGGER IF EXISTS ns_test_refuse_drill ON ns_processed_event");
  }

  @Test
  void aRecordParkedOnEachDeadLetterTopicIsListedWithItsReasonAndReplayedAfterTheFix()
      throws Exception {
    jdbc.execute(
        """
        CREATE OR REPLACE FUNCTION ns_test_refuse_drill() RETURNS trigger AS $$
        BEGIN
          IF NEW.id LIKE 'drill-%' THEN RAISE EXCEPTION 'refused on purpose: %', NEW.id; END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql
        """);
    jdbc.execute(
        "CREATE TRIGGER ns_test_refuse_drill BEFORE INSERT ON ns_processed_event FOR EACH ROW EXECUTE FUNCTION ns_test_refuse_drill()");
    Map<String, ProducerRecord<String, String>> events = new LinkedHashMap<>();
    events.put(
        TASKS_TOPIC,
        drill(taskCreated(UUID.randomUUID(), "t-" + UUID.randomUUID(), List.of("UNDP"))));
    UUID review = UUID.randomUUID();
    events.put(
        DEADLINES_TOPIC,
        drill(
            cloudEvent(
                DEADLINES_TOPIC,
                review.toString(),
                "x",
                "org.uprengage.deadline.approaching.v1",
                """
                {"reviewId":"%s","sequence":9,"milestone":"agencyDraftsDue","dueAt":"2027-06-02T23:59:00Z","daysLeft":3,"countryTeam":"GHA",
                 "taskIds":["t-1"],"candidateGroups":["UNICEF"],"assignees":[]}
                """
                    .formatted(review))));
    events.put(
        REVIEWS_TOPIC,
        drill(
            cloudEvent(
                REVIEWS_TOPIC,
                review.toString(),
                "x",
                "org.uprengage.review.started.v1",
                """
                {"reviewId":"%s","sequence":1,"occurredAt":"2026-11-29T10:00:00Z","country":"GHA","session":56,"startedBy":"coordinator"}
                """
                    .formatted(review))));
    events.put(
        PEOPLE_TOPIC,
        drill(
            cloudEvent(
                PEOPLE_TOPIC,
                "drill-person",
                "x",
                "org.uprengage.person.updated.v1",
                """
                {"occurredAt":"2026-11-29T10:00:00Z","username":"drill-person","displayName":"Drill","roles":["viewer"],
                 "countryTeams":["GHA"],"source":"token","version":1}
                """)));
    for (ProducerRecord<String, String> event : events.values()) {
      kafka.send(event).get();
    }

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(listed("parked", events)).as("parked, one per topic").hasSize(4));
    for (Map.Entry<String, ProducerRecord<String, String>> event : events.entrySet()) {
      Map<String, Object> parked = listedOne("parked", idOf(event.getValue()));
      assertThat(parked)
          .containsEntry("topic", event.getKey())
          .containsEntry("key", event.getValue().key())
          .containsEntry("eventType", header(event.getValue(), "ce_type"))
          .containsEntry("value", event.getValue().value());
      assertThat((String) parked.get("reason")).contains("refused on purpose");
    }
    mvc.perform(get("/api/admin/dead-letters").with(as("admin", null, "admin")))
        .andExpect(status().isForbidden());
    String taskLetter = (String) listedOne("parked", idOf(events.get(TASKS_TOPIC))).get("id");
    mvc.perform(
            post("/api/admin/dead-letters/" + taskLetter + "/replay")
                .with(as("admin", null, "admin")))
        .andExpect(status().isForbidden());

    fix();
    String replayed =
        mvc.perform(post("/api/admin/dead-letters/" + taskLetter + "/replay").with(PLATFORM_ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<String>read(replayed, "$.replayedBy")).isEqualTo("platform-ops");
    await().atMost(WAIT).until(() -> processed(events.get(TASKS_TOPIC)));
    mvc.perform(post("/api/admin/dead-letters/" + taskLetter + "/replay").with(PLATFORM_ADMIN))
        .andExpect(status().isConflict());

    for (String topic : List.of(DEADLINES_TOPIC, REVIEWS_TOPIC, PEOPLE_TOPIC)) {
      String all =
          mvc.perform(post("/api/admin/dead-letters/replay?topic=" + topic).with(PLATFORM_ADMIN))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(JsonPath.<Integer>read(all, "$.replayed")).as(topic).isPositive();
      assertThat(JsonPath.<Integer>read(all, "$.remaining")).as(topic).isZero();
    }
    for (ProducerRecord<String, String> event : events.values()) {
      await().atMost(WAIT).until(() -> processed(event));
    }
    assertThat(listed("parked", events)).isEmpty();
    assertThat(listed("replayed", events)).hasSize(4);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM ns_processed_event WHERE id LIKE 'drill-%' AND id = ANY (?::text[])",
                Integer.class,
                (Object)
                    events.values().stream().map(DeadLettersTest::idOf).toArray(String[]::new)))
        .as("each replayed event processed once")
        .isEqualTo(4);
  }

  @Test
  void aTopicOrStateNotKnownIsRefusedNamingIt() throws Exception {
    mvc.perform(get("/api/admin/dead-letters?topic=upr.secrets.v1").with(PLATFORM_ADMIN))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/admin/dead-letters?state=lost").with(PLATFORM_ADMIN))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/api/admin/dead-letters/" + UUID.randomUUID() + "/replay").with(PLATFORM_ADMIN))
        .andExpect(status().isNotFound());
  }

  /** The event with an id the drill's trigger refuses. */
  private static ProducerRecord<String, String> drill(ProducerRecord<String, String> event) {
    String id = "drill-" + UUID.randomUUID();
    event.headers().remove("ce_id");
    event.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
    return event;
  }

  private static String idOf(ProducerRecord<String, String> event) {
    return header(event, "ce_id");
  }

  private static String header(ProducerRecord<String, String> event, String name) {
    return new String(event.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private List<Map<String, Object>> listed(
      String state, Map<String, ProducerRecord<String, String>> events) throws Exception {
    String body =
        mvc.perform(get("/api/admin/dead-letters?state=" + state).with(PLATFORM_ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<Map<String, Object>> all = JsonPath.read(body, "$[*]");
    List<String> ids = events.values().stream().map(DeadLettersTest::idOf).toList();
    return all.stream().filter(letter -> ids.contains(letter.get("eventId"))).toList();
  }

  private Map<String, Object> listedOne(String state, String eventId) throws Exception {
    String body =
        mvc.perform(get("/api/admin/dead-letters?state=" + state).with(PLATFORM_ADMIN))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<Map<String, Object>> found = JsonPath.read(body, "$[?(@.eventId == '" + eventId + "')]");
    assertThat(found).as(eventId).hasSize(1);
    return found.get(0);
  }
}
