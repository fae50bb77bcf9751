package org.uprengage.engine.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uprengage.engine.deadline.DeadlineAlert;
import org.uprengage.engine.deadline.DeadlineApproaching;
import org.uprengage.engine.deadline.DeadlineChanged;
import org.uprengage.engine.deadline.DeadlineMissed;
import org.uprengage.engine.outcome.MidTermReportRecorded;
import org.uprengage.engine.outcome.OutcomeAdopted;
import org.uprengage.engine.outcome.PositionsRecorded;
import org.uprengage.engine.outcome.RecommendationsRecorded;
import org.uprengage.engine.review.ReviewHandedOver;
import org.uprengage.engine.review.ReviewStarted;
import org.uprengage.engine.review.StageEntered;
import org.uprengage.engine.submission.SubmissionApproved;
import org.uprengage.engine.submission.SubmissionSentBack;
import org.uprengage.engine.submission.SubmissionSubmitted;
import org.uprengage.engine.task.TaskClaimed;
import org.uprengage.engine.task.TaskCreated;
import org.uprengage.engine.task.TaskSnapshot;

/**
 * The event records write the data the engine has always published: the same fields with the same
 * values (dates as ISO-8601 strings, a null field left out), so consumers see no change.
 */
class EventJsonTest {

  private static final UUID REVIEW = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f");

  @Test
  void aTaskEventTellsTheTaskAndLeavesOutWhatIsNotThere() {
    TaskSnapshot created =
        new TaskSnapshot(
            "t-1",
            "UserTask_PlanSubmission",
            "Plan the UN submission",
            "GHA",
            List.of("coordinator"),
            null,
            null,
            Instant.parse("2027-01-15T23:59:00Z"),
            null);
    assertThat(json(new TaskCreated(created)))
        .isEqualTo(
            "{\"taskId\":\"t-1\",\"taskKey\":\"UserTask_PlanSubmission\",\"taskName\":\"Plan the UN"
                + " submission\",\"countryTeam\":\"GHA\",\"candidateGroups\":[\"coordinator\"],"
                + "\"dueDate\":\"2027-01-15T23:59:00Z\"}");
    TaskSnapshot claimed =
        new TaskSnapshot(
            "t-1",
            "UserTask_PlanSubmission",
            "Plan the UN submission",
            "GHA",
            List.of(),
            "coordinator",
            "focal-unicef",
            Instant.parse("2027-01-15T23:59:00.250Z"),
            "coordinator");
    assertThat(json(new TaskClaimed(claimed)))
        .isEqualTo(
            "{\"taskId\":\"t-1\",\"taskKey\":\"UserTask_PlanSubmission\",\"taskName\":\"Plan the UN"
                + " submission\",\"countryTeam\":\"GHA\",\"candidateGroups\":[],"
                + "\"assignee\":\"coordinator\",\"previousAssignee\":\"focal-unicef\","
                + "\"dueDate\":\"2027-01-15T23:59:00.250Z\",\"actor\":\"coordinator\"}");
    assertThat(new TaskClaimed(claimed).subject(REVIEW))
        .isEqualTo("reviews/" + REVIEW + "/tasks/t-1");
  }

  @Test
  void reviewEventsTellTheReview() {
    assertThat(json(new ReviewStarted("GHA", 42, "coordinator")))
        .isEqualTo("{\"country\":\"GHA\",\"session\":42,\"startedBy\":\"coordinator\"}");
    assertThat(json(new StageEntered("adoption", "GHA")))
        .isEqualTo("{\"stage\":\"adoption\",\"countryTeam\":\"GHA\"}");
    assertThat(new StageEntered("adoption", "GHA").subject(REVIEW))
        .isEqualTo("reviews/" + REVIEW + "/stages/adoption");
    assertThat(json(new ReviewHandedOver(REVIEW, 56)))
        .isEqualTo("{\"nextReviewId\":\"" + REVIEW + "\",\"nextSession\":56}");
    assertThat(new ReviewHandedOver(REVIEW, 56).subject(REVIEW)).isEqualTo("reviews/" + REVIEW);
  }

  @Test
  void submissionEventsTellTheDecisionAndTheSending() {
    assertThat(json(new SubmissionApproved(2, "sign-off", null, "rc", null)))
        .isEqualTo("{\"round\":2,\"stage\":\"sign-off\",\"decidedBy\":\"rc\"}");
    assertThat(json(new SubmissionSentBack(1, "clearance", "UNICEF", "head-unicef", "Add 2024")))
        .isEqualTo(
            "{\"round\":1,\"stage\":\"clearance\",\"agency\":\"UNICEF\","
                + "\"decidedBy\":\"head-unicef\",\"comments\":\"Add 2024\"}");
    SubmissionSubmitted submitted =
        new SubmissionSubmitted(LocalDate.of(2027, 3, 30), null, "coordinator");
    assertThat(json(submitted))
        .isEqualTo("{\"submittedOn\":\"2027-03-30\",\"submittedBy\":\"coordinator\"}");
    assertThat(submitted.subject(REVIEW)).isEqualTo("reviews/" + REVIEW + "/submission");
  }

  @Test
  void outcomeEventsTellWhatWasRecordedAndByWhom() {
    assertThat(json(new RecommendationsRecorded(250, "A/HRC/53/15", "coordinator")))
        .isEqualTo(
            "{\"recommendations\":250,\"wgReportSymbol\":\"A/HRC/53/15\",\"actor\":\"coordinator\"}");
    assertThat(json(new PositionsRecorded("early", 120, 10, null, "coordinator")))
        .isEqualTo(
            "{\"deadline\":\"early\",\"supported\":120,\"noted\":10,\"actor\":\"coordinator\"}");
    assertThat(json(new OutcomeAdopted(LocalDate.of(2023, 7, 10), "53/101", "coordinator")))
        .isEqualTo(
            "{\"adoptedOn\":\"2023-07-10\",\"decisionSymbol\":\"53/101\",\"actor\":\"coordinator\"}");
    MidTermReportRecorded none = new MidTermReportRecorded(null, null, "coordinator");
    assertThat(json(none)).isEqualTo("{\"actor\":\"coordinator\"}");
    assertThat(none.subject(REVIEW)).isEqualTo("reviews/" + REVIEW + "/outcome");
  }

  @Test
  void deadlineEventsTellTheMilestoneTheTasksAndWhoWorksOnThem() {
    DeadlineAlert alert =
        new DeadlineAlert(
            "agencyDraftsDue",
            "Draft the agency section",
            Instant.parse("2027-02-01T23:59:00Z"),
            14,
            "GHA",
            List.of("t-2"),
            List.of("UNICEF"),
            List.of());
    assertThat(json(new DeadlineApproaching(alert)))
        .isEqualTo(
            "{\"milestone\":\"agencyDraftsDue\",\"taskName\":\"Draft the agency section\","
                + "\"dueAt\":\"2027-02-01T23:59:00Z\",\"daysLeft\":14,\"countryTeam\":\"GHA\","
                + "\"taskIds\":[\"t-2\"],\"candidateGroups\":[\"UNICEF\"],\"assignees\":[]}");
    assertThat(json(new DeadlineMissed(alert, List.of("coordinator"))))
        .endsWith("\"assignees\":[],\"escalateTo\":[\"coordinator\"]}");
    assertThat(new DeadlineMissed(alert, List.of("coordinator")).subject(REVIEW))
        .isEqualTo("reviews/" + REVIEW + "/tasks/t-2");

    DeadlineChanged milestoneMoved =
        new DeadlineChanged(
            "clearance",
            LocalDate.of(2027, 2, 1),
            LocalDate.of(2027, 2, 8),
            "moved by coordinator",
            "GHA",
            List.of("t-3"),
            null);
    assertThat(json(milestoneMoved))
        .isEqualTo(
            "{\"milestone\":\"clearance\",\"oldDueOn\":\"2027-02-01\",\"newDueOn\":\"2027-02-08\","
                + "\"reason\":\"moved by coordinator\",\"countryTeam\":\"GHA\","
                + "\"taskIds\":[\"t-3\"]}");
    assertThat(milestoneMoved.subject(REVIEW))
        .isEqualTo("reviews/" + REVIEW + "/milestones/clearance");
    DeadlineChanged ownDate =
        new DeadlineChanged(
            "agencyDraftsDue",
            null,
            LocalDate.of(2030, 1, 15),
            "set",
            "GHA",
            List.of("t-2"),
            "t-2");
    assertThat(json(ownDate)).doesNotContain("oldDueOn", "ownDateOf");
    assertThat(ownDate.subject(REVIEW)).isEqualTo("reviews/" + REVIEW + "/tasks/t-2");
  }

  private static String json(OutboundEvent event) {
    return EventOutbox.JSON.valueToTree(event).toString();
  }
}
