package org.uprengage.notification.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.notification.NotificationIntegrationTest;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.directory.Person;

class CalendarFeedTest extends NotificationIntegrationTest {

  private static final RequestPostProcessor FOCAL_UNICEF =
      as("focal-unicef", "UNICEF", "focal-point");
  private static final RequestPostProcessor HEAD_UNICEF =
      as("head-unicef", "UNICEF", "head-of-office");

  @Autowired ObjectMapper json;
  @Autowired People people;

  @Test
  void aPersonsFeedListsTheirUpcomingDeadlinesWithStableUidsAndMovedDates() throws Exception {
    String url = issue(FOCAL_UNICEF, "{\"scope\":\"person\"}");
    UUID reviewId = UUID.randomUUID();
    String offered = UUID.randomUUID().toString();
    String mine = UUID.randomUUID().toString();
    String undp = UUID.randomUUID().toString();
    kafka
        .send(
            taskEvent(
                reviewId,
                "org.uprengage.task.created.v1",
                2,
                offered,
                "\"candidateGroups\":[\"UNICEF\"],\"dueDate\":\"2099-03-01T23:59:00Z\""))
        .get();
    kafka
        .send(
            taskEvent(
                reviewId,
                "org.uprengage.task.created.v1",
                3,
                mine,
                "\"candidateGroups\":[\"UNICEF\"],\"assignee\":\"focal-unicef\",\"dueDate\":\"2099-04-01T23:59:00Z\""))
        .get();
    kafka
        .send(
            taskEvent(
                reviewId,
                "org.uprengage.task.created.v1",
                4,
                undp,
                "\"candidateGroups\":[\"UNDP\"],\"dueDate\":\"2099-03-01T23:59:00Z\""))
        .get();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> events(url).keySet().containsAll(List.of(uid(offered), uid(mine))));
    Map<String, VEvent> feed = events(url);
    assertThat(feed).doesNotContainKey(uid(undp));
    assertThat(start(feed.get(uid(offered)))).isEqualTo(LocalDate.of(2099, 3, 1));
    assertThat(feed.get(uid(mine)).getSummary().getValue())
        .isEqualTo("Due: Task " + mine.substring(0, 8));

    kafka
        .send(
            cloudEvent(
                DEADLINES_TOPIC,
                reviewId.toString(),
                UUID.randomUUID().toString(),
                "org.uprengage.deadline.changed.v1",
                """
                {"reviewId":"%s","sequence":5,"milestone":"agencyDraftsDue","oldDueOn":"2099-03-01","newDueOn":"2099-03-20",
                 "reason":"session calendar changed","countryTeam":"GHA","taskIds":["%s"]}
                """
                    .formatted(reviewId, offered)))
        .get();
    kafka
        .send(
            taskEvent(
                reviewId,
                "org.uprengage.task.completed.v1",
                6,
                mine,
                "\"candidateGroups\":[\"UNICEF\"],\"assignee\":\"focal-unicef\""))
        .get();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Map<String, VEvent> moved = events(url);
              assertThat(moved).doesNotContainKey(uid(mine)); // done: no longer upcoming
              assertThat(start(moved.get(uid(offered)))).isEqualTo(LocalDate.of(2099, 3, 20));
              assertThat(moved.get(uid(offered)).getDescription().getValue())
                  .contains("agencyDraftsDue");
            });
  }

  @Test
  void anAgencyFeedListsItsDeadlinesAndRotatingItsTokenRetiresTheOldAddress() throws Exception {
    String url = issue(HEAD_UNICEF, "{\"scope\":\"agency\"}");
    UUID reviewId = UUID.randomUUID();
    String clearance = UUID.randomUUID().toString();
    kafka
        .send(
            taskEvent(
                reviewId,
                "org.uprengage.task.created.v1",
                2,
                clearance,
                "\"taskKey\":\"UserTask_ClearSubmission\",\"candidateGroups\":[\"head-of-office:UNICEF\"],\"dueDate\":\"2099-05-01T23:59:00Z\""))
        .get();
    await().atMost(Duration.ofSeconds(20)).until(() -> events(url).containsKey(uid(clearance)));
    mvc.perform(get("/api/calendar-feeds").with(HEAD_UNICEF))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.scope == 'agency')].agency").value("UNICEF"))
        .andExpect(jsonPath("$[0].url").doesNotExist());

    String rotated = issue(HEAD_UNICEF, "{\"scope\":\"agency\",\"agency\":\"UNICEF\"}");
    assertThat(rotated).isNotEqualTo(url);
    assertThat(events(rotated)).containsKey(uid(clearance));
    mvc.perform(get(path(url))).andExpect(status().isNotFound());
    mvc.perform(get("/calendar/not-a-token.ics")).andExpect(status().isNotFound());
    mvc.perform(
            post("/api/calendar-feeds")
                .with(as("focal-undp", "UNDP", "focal-point"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scope\":\"agency\",\"agency\":\"UNICEF\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/calendar-feeds")
                .with(FOCAL_UNICEF)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scope\":\"everyone\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("scope"));
  }

  @Test
  void anAgencyFeedStopsWhenItsOwnerNoLongerSpeaksForTheAgency() throws Exception {
    String username = "head-" + UUID.randomUUID().toString().substring(0, 8);
    Person head =
        new Person(
            username, "Head", null, "en", "UNICEF", List.of("head-of-office"), List.of("GHA"));
    people.save(head);
    String url = issue(as(username, "UNICEF", "head-of-office"), "{\"scope\":\"agency\"}");
    mvc.perform(get(path(url))).andExpect(status().isOk());

    people.save( // moved to another agency since
        new Person(
            username, "Head", null, "en", "UNDP", List.of("head-of-office"), List.of("GHA")));
    mvc.perform(get(path(url))).andExpect(status().isNotFound());
    people.save(head); // and back: the feed was deleted, a new one must be made
    mvc.perform(get(path(url))).andExpect(status().isNotFound());
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM ns_calendar_feed WHERE owner = ?", Integer.class, username))
        .isZero();
  }

  @Test
  void anAgencyFeedOfAnAdminWhoMovedToAnotherCountryTeamStops() throws Exception {
    String username = "admin-" + UUID.randomUUID().toString().substring(0, 8);
    Person admin =
        new Person(username, "Admin", null, "en", null, List.of("admin"), List.of("GHA"));
    people.save(admin);
    String url = issue(as(username, null, "admin"), "{\"scope\":\"agency\",\"agency\":\"UNICEF\"}");
    mvc.perform(get(path(url))).andExpect(status().isOk());

    people.save(new Person(username, "Admin", null, "en", null, List.of("admin"), List.of("KEN")));
    mvc.perform(get(path(url))).andExpect(status().isNotFound());
  }

  private String issue(RequestPostProcessor caller, String body) throws Exception {
    String answer =
        mvc.perform(
                post("/api/calendar-feeds")
                    .with(caller)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(answer).get("url").asText();
  }

  /** The feed's events by UID, read with ical4j's parser, fetched with no credentials. */
  private Map<String, VEvent> events(String url) throws Exception {
    String ics =
        mvc.perform(get(path(url)))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/calendar"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    assertThat(calendar.getProductId().getValue()).isEqualTo("-//UPR Engage//Deadlines 1.0//EN");
    return calendar.getComponents().stream()
        .filter(VEvent.class::isInstance)
        .map(VEvent.class::cast)
        .collect(Collectors.toMap(e -> e.getUid().orElseThrow().getValue(), e -> e));
  }

  private static String path(String url) {
    return url.substring(url.indexOf("/calendar/"));
  }

  private static String uid(String taskId) {
    return "task-" + taskId + "@uprengage.org";
  }

  private static LocalDate start(VEvent event) {
    Temporal start = event.getStartDate().orElseThrow().getDate();
    return LocalDate.from(start);
  }
}
