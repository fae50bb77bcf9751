package org.uprengage.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.MovableClock;
import org.uprengage.engine.deadline.DeadlineWatches;
import org.uprengage.engine.review.ReviewProcess;

/** Assigning, commenting and finding tasks. */
class TaskActionsTest extends EngineIntegrationTest {

  @Autowired MovableClock clock;

  @Test
  void aCoordinatorAssignsADraftToAFocalPointWhoThenHoldsIt() throws Exception {
    String team = newCountryTeam();
    String reviewId = drafting(team);
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);
    known(headUnicef(team));

    assign(draft, "focal-unicef", coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assignee").value("focal-unicef"));
    assign(draft, "head-unicef", coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assignee").value("head-unicef"));

    assertThat(outboxTypes(reviewId)).endsWith(TaskAssigned.TYPE, TaskAssigned.TYPE);
    tasks(reviewId, headUnicef(team), "show", "mine")
        .andExpect(jsonPath("$.items[0].id").value(draft));
    act(draft, "unclaim", coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assignee").doesNotExist());
  }

  @Test
  void onlyCoordinatorsAssignAndNobodyClaimsWorkNotOfferedToThem() throws Exception {
    String team = newCountryTeam();
    String reviewId = drafting(team);
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);

    assign(draft, "focal-unicef", focalUnicef(team)).andExpect(status().isForbidden());
    act(draft, "claim", coordinator(team)).andExpect(status().isForbidden());
    assign(draft, "not a name!", coordinator(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("assignee"));
    assign(draft, "focal-unicef", coordinator(newCountryTeam())).andExpect(status().isNotFound());
  }

  @Test
  void peopleWhoSeeATaskCommentOnItAndReadTheComments() throws Exception {
    String team = newCountryTeam();
    String reviewId = drafting(team);
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);

    comment(draft, "Please cover birth registration", coordinator(team))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.author").value("coordinator"));
    comment(draft, "Will do", focalUnicef(team)).andExpect(status().isCreated());

    mvc.perform(get("/api/tasks/" + draft + "/comments").with(headUnicef(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].text").value("Please cover birth registration"))
        .andExpect(jsonPath("$[1].author").value("focal-unicef"));
    mvc.perform(get("/api/tasks/" + draft + "/comments").with(focalUndp(team)))
        .andExpect(status().isNotFound());
    comment(draft, "x".repeat(4001), focalUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("text"));
    comment(draft, " ", focalUnicef(team)).andExpect(status().isBadRequest());
  }

  @Test
  void theTaskListFiltersAndSorts() throws Exception {
    String team = newCountryTeam();
    String reviewId = drafting(team);
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);
    act(draft, "claim", focalUnicef(team));

    tasks(reviewId, headUnicef(team), "show", "claimable").andExpect(jsonPath("$.total").value(0));
    tasks(reviewId, focalUnicef(team), "show", "mine").andExpect(jsonPath("$.total").value(1));
    tasks(reviewId, coordinator(team), "show", "team")
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.items[0].taskKey").value(ReviewProcess.TASK_DRAFT_AGENCY_SECTION));
    tasks(reviewId, focalUnicef(team), "show", "team").andExpect(status().isForbidden());
    tasks(reviewId, coordinator(team), "show", "team", "q", "agency")
        .andExpect(jsonPath("$.total").value(2));
    tasks(reviewId, coordinator(team), "show", "team", "q", "nothing like it")
        .andExpect(jsonPath("$.total").value(0));
    tasks(reviewId, coordinator(team), "show", "team", "overdue", "true")
        .andExpect(jsonPath("$.total").value(2)); // 2022 dates
    tasks(reviewId, coordinator(team), "show", "team", "dueBefore", "2022-01-01")
        .andExpect(jsonPath("$.total").value(0));
    tasks(reviewId, coordinator(team), "show", "team", "sort", "due", "order", "desc")
        .andExpect(status().isOk());
    mvc.perform(get("/api/tasks").param("show", "everything").with(coordinator(team)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("show"));
    mvc.perform(get("/api/tasks").param("sort", "colour").with(coordinator(team)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    mvc.perform(get("/api/tasks").param("dueBefore", "soon").with(coordinator(team)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("dueBefore"));
  }

  @Test
  void theListsTotalIsTheSameOnEveryPageAndAnotherTeamsReviewListsNothing() throws Exception {
    String team = newCountryTeam();
    String reviewId = drafting(team);

    for (String page : new String[] {"0", "1", "2", "5"}) {
      tasks(reviewId, coordinator(team), "show", "team", "size", "1", "page", page)
          .andExpect(jsonPath("$.total").value(2))
          .andExpect(
              jsonPath("$.items.length()").value(page.equals("0") || page.equals("1") ? 1 : 0));
    }
    tasks(reviewId, coordinator(team), "show", "team", "size", "5")
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.items.length()").value(2));
    tasks(reviewId, coordinator(team), "show", "team", "size", "2", "page", "1")
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.items.length()").value(0));
    String otherTeam = newCountryTeam();
    tasks(reviewId, coordinator(otherTeam), "show", "team")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0))
        .andExpect(jsonPath("$.items.length()").value(0));
  }

  @Test
  void overdueMeansDueBeforeTheEnginesClock() throws Exception {
    String team = newCountryTeam();
    String reviewId = drafting(team); // its drafts are due in 2022
    try {
      clock.moveTo(Instant.parse("2021-06-01T00:00:00Z"));
      tasks(reviewId, coordinator(team), "show", "team", "overdue", "true")
          .andExpect(jsonPath("$.total").value(0));
    } finally {
      clock.reset();
    }
    tasks(reviewId, coordinator(team), "show", "team", "overdue", "true")
        .andExpect(jsonPath("$.total").value(2));
  }

  @Test
  void theHolderDelegatesTheDelegateResolvesAndTheHolderCompletes() throws Exception {
    String team = newCountryTeam();
    String reviewId = drafting(team);
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);
    act(draft, "claim", focalUnicef(team)).andExpect(status().isOk());
    known(headUnicef(team));

    postJson("/api/tasks/" + draft + "/delegate", "{\"to\":\"head-unicef\"}", focalUnicef(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assignee").value("head-unicef"))
        .andExpect(jsonPath("$.owner").value("focal-unicef"))
        .andExpect(jsonPath("$.delegationState").value("PENDING"));
    complete(draft, "{\"text\":\"too early\"}", headUnicef(team)).andExpect(status().isConflict());
    act(draft, "resolve", focalUnicef(team)).andExpect(status().isForbidden());
    act(draft, "resolve", headUnicef(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assignee").value("focal-unicef"))
        .andExpect(jsonPath("$.delegationState").value("RESOLVED"));
    act(draft, "resolve", focalUnicef(team)).andExpect(status().isConflict());
    complete(draft, "{\"text\":\"UNICEF section\"}", focalUnicef(team))
        .andExpect(status().isNoContent());
    assertThat(outboxTypes(reviewId)).contains(TaskAssigned.TYPE);
  }

  @Test
  void theHolderSetsAFollowUpDate() throws Exception {
    String team = newCountryTeam();
    String reviewId = drafting(team);
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);
    postJson("/api/tasks/" + draft + "/follow-up", "{\"on\":\"2027-01-10\"}", focalUnicef(team))
        .andExpect(status().isForbidden());
    act(draft, "claim", focalUnicef(team));

    postJson("/api/tasks/" + draft + "/follow-up", "{\"on\":\"2027-01-10\"}", focalUnicef(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.followUp").value("2027-01-10T00:00:00Z"));
    postJson("/api/tasks/" + draft + "/follow-up", "{\"on\":\"someday\"}", focalUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("on"));
  }

  /**
   * Starts a review of the team in session 42 and has the coordinator ask UNICEF and UNDP to draft.
   */
  @Test
  void aChangeSentWithAStaleVersionIsRefusedWithTheTaskAsItIsNow() throws Exception {
    String team = newCountryTeam();
    String reviewId = drafting(team);
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);
    String read = etag(mvc.perform(get("/api/tasks/" + draft).with(focalUnicef(team))));
    assertThat(read).isNotBlank();
    String claimed = etag(ifMatch(draft, "claim", read, focalUnicef(team)));
    assertThat(claimed).isNotEqualTo(read);

    ifMatch(draft, "unclaim", read, coordinator(team))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.current.assignee").value("focal-unicef"))
        .andExpect(
            jsonPath("$.current.version").value(Integer.parseInt(claimed.replace("\"", ""))));
    mvc.perform(
            post("/api/tasks/" + draft + "/complete")
                .header("If-Match", read)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Our section\"}")
                .with(focalUnicef(team)))
        .andExpect(status().isConflict());
    mvc.perform(
            post("/api/tasks/" + draft + "/unclaim")
                .header("If-Match", "yesterday")
                .with(coordinator(team)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
    String unclaimed =
        ifMatch(draft, "unclaim", claimed, coordinator(team))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.assignee").doesNotExist())
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    assertThat(unclaimed)
        .as("the version a command answers is the one the task has")
        .isNotEqualTo(claimed)
        .isEqualTo(
            mvc.perform(get("/api/tasks/" + draft).with(focalUnicef(team)))
                .andReturn()
                .getResponse()
                .getHeader("ETag"));
  }

  @Test
  void aCoordinatorGivesOneTaskADueDateOfItsOwnAndItsWatchFollows() throws Exception {
    String team = newCountryTeam();
    String reviewId = drafting(team);
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);

    LocalDate due = LocalDate.now(clock).plusYears(1);
    postJson("/api/tasks/" + draft + "/due", "{\"on\":\"" + due + "\"}", focalUnicef(team))
        .andExpect(status().isForbidden());
    postJson("/api/tasks/" + draft + "/due", "{\"on\":\"" + due + "\"}", coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.due").value(endOfGenevaDay(due).toString()));

    assertThat(outboxTypes(reviewId)).endsWith("org.uprengage.deadline.changed.v1");
    String change =
        jdbc.queryForObject(
            "SELECT payload FROM upr_event_outbox WHERE record_key = ? AND type = ? ORDER BY position DESC LIMIT 1",
            String.class,
            reviewId,
            "org.uprengage.deadline.changed.v1");
    assertThat(change).contains("\"newDueOn\":\"" + due + "\"").contains(draft);
    assertThat(deadlineWatches.of(draft).orElseThrow().nextAlertAt())
        .as("the watch's next alert: 14 days before the new date")
        .isEqualTo(endOfGenevaDay(due.minusDays(14)));
  }

  @Test
  void aCoordinatorGivesOneTaskADueTimeAndItsRemindersFollowTheTime() throws Exception {
    String team = newCountryTeam();
    String reviewId = drafting(team);
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);
    Instant at = clock.instant().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);

    postJson("/api/tasks/" + draft + "/due", "{\"at\":\"" + at + "\"}", coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.due").value(at.toString()));

    assertThat(deadlineWatches.of(draft).orElseThrow().nextAlertAt())
        .as("the watch's next alert: 14 days before the time, to the second")
        .isEqualTo(at.minus(Duration.ofDays(14)));
    postJson(
            "/api/tasks/" + draft + "/due",
            "{\"at\":\"" + clock.instant().minusSeconds(1) + "\"}",
            coordinator(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("at"));
  }

  /** A task command sent with If-Match. */
  private ResultActions ifMatch(String taskId, String action, String etag, RequestPostProcessor who)
      throws Exception {
    return mvc.perform(
        post("/api/tasks/" + taskId + "/" + action).header("If-Match", etag).with(who));
  }

  /** The task list of a review as {@code who} asks for it, with the other parameters given. */
  /**
   * The list, a claim, a give-back and the refusals of a completion name the task's review and the
   * WG session it is in at the time: also after the review moved to another session (a claim and a
   * give-back read the review with the task's lock, a completion only when it is refused), and
   * every change is audited as concerning the review.
   */
  @Test
  void everyAnswerOfATaskNamesItsReviewAndTheSessionItIsInNow() throws Exception {
    String team = newCountryTeam();
    String reviewId = drafting(team);
    RequestPostProcessor focal = focalUnicef(team);
    tasks(reviewId, focal, "show", "claimable", "size", "1")
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].reviewId").value(reviewId))
        .andExpect(jsonPath("$.items[0].session").value(42));
    String draft = taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focal).get(0);
    complete(draft, "{\"text\":\"Our section\"}", focal)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.current.reviewId").value(reviewId))
        .andExpect(jsonPath("$.current.session").value(42));
    act(draft, "claim", focal)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reviewId").value(reviewId))
        .andExpect(jsonPath("$.session").value(42));

    postJson("/api/reviews/" + reviewId + "/move", "{\"session\":54}", coordinator(team))
        .andExpect(status().isOk());

    act(draft, "unclaim", focal)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reviewId").value(reviewId))
        .andExpect(jsonPath("$.session").value(54));
    act(draft, "claim", focal)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.session").value(54));
    act(draft, "claim", focal) // already the caller's: answered as it is
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.session").value(54));
    act(draft, "claim", focalUnicef2(team))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.current.session").value(54));
    tasks(reviewId, focal, "show", "mine")
        .andExpect(jsonPath("$.items[0].id").value(draft))
        .andExpect(jsonPath("$.items[0].session").value(54));
    mvc.perform(
            post("/api/tasks/" + draft + "/complete")
                .with(focal)
                .header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Our section\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.current.reviewId").value(reviewId))
        .andExpect(jsonPath("$.current.session").value(54));
    complete(draft, "{\"text\":\"Our section\"}", focal).andExpect(status().isNoContent());

    assertThat(
            jdbc.queryForList(
                "SELECT DISTINCT review_id::text FROM upr_audit WHERE task_id = ?"
                    + " AND outcome < 300",
                String.class,
                draft))
        .containsExactly(reviewId);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM upr_audit WHERE task_id = ? AND outcome < 300",
                Integer.class,
                draft))
        .isEqualTo(5);
  }

  private static RequestPostProcessor focalUnicef2(String team) {
    return person("focal-unicef-2", List.of("focal-point"), "UNICEF", List.of(team));
  }

  private ResultActions tasks(String reviewId, RequestPostProcessor who, String... nameValues)
      throws Exception {
    var request = get("/api/tasks").param("reviewId", reviewId).with(who);
    for (int i = 0; i < nameValues.length; i += 2) {
      request.param(nameValues[i], nameValues[i + 1]);
    }
    return mvc.perform(request);
  }

  /**
   * A completion refused for its form's values ends with nothing changed: the task stays open with
   * its holder and version, its deadline watch stays, no event is written, and a completion with
   * valid values then goes through (the check, the form and the completion are one engine command).
   */
  @Test
  void aCompletionRefusedForItsValuesLeavesTheTaskAsItWasAndWritesNoEvent() throws Exception {
    String team = newCountryTeam();
    String reviewId = drafting(team);
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);
    String claimed = etag(act(draft, "claim", focalUnicef(team)));
    List<String> events = outboxTypes(reviewId);
    List<DeadlineWatches.Watch> watches = deadlineWatches.ofReview(UUID.fromString(reviewId));

    complete(draft, "{\"text\":\"Our section\",\"decline\":\"No time\"}", focalUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("decline"));
    complete(draft, "{\"txt\":\"Our section\"}", focalUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("txt"));

    assertThat(outboxTypes(reviewId)).isEqualTo(events);
    assertThat(deadlineWatches.ofReview(UUID.fromString(reviewId))).isEqualTo(watches);
    mvc.perform(get("/api/tasks/" + draft).with(focalUnicef(team)))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", claimed))
        .andExpect(jsonPath("$.assignee").value("focal-unicef"));
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM act_hi_taskinst WHERE id_ = ? AND end_time_ IS NULL",
                Integer.class,
                draft))
        .isEqualTo(1);

    complete(draft, "{\"text\":\"Our section\"}", focalUnicef(team))
        .andExpect(status().isNoContent());
    assertThat(outboxTypes(reviewId)).hasSize(events.size() + 1).endsWith(TaskCompleted.TYPE);
    assertThat(deadlineWatches.ofReview(UUID.fromString(reviewId)))
        .noneMatch(watch -> watch.taskId().equals(draft));
  }

  /** The ETag of an answer that must be 200. */
  private static String etag(ResultActions answer) throws Exception {
    return answer.andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
  }

  private String drafting(String team) throws Exception {
    String reviewId = startReview(team, 42, coordinator(team));
    String plan = taskIds(reviewId, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    act(plan, "claim", coordinator(team));
    complete(plan, "{\"agencies\":[\"UNICEF\",\"UNDP\"]}", coordinator(team))
        .andExpect(status().isNoContent());
    return reviewId;
  }

  private ResultActions assign(String taskId, String assignee, RequestPostProcessor who)
      throws Exception {
    return postJson("/api/tasks/" + taskId + "/assign", "{\"assignee\":\"" + assignee + "\"}", who);
  }

  private ResultActions comment(String taskId, String text, RequestPostProcessor who)
      throws Exception {
    return postJson("/api/tasks/" + taskId + "/comments", "{\"text\":\"" + text + "\"}", who);
  }

  /** When a task due on a day falls due: the end of that day in Geneva, as OHCHR's deadlines. */
  private static Instant endOfGenevaDay(LocalDate day) {
    return day.atTime(23, 59).atZone(ZoneId.of("Europe/Zurich")).toInstant();
  }
}
