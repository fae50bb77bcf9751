package org.uprengage.engine.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.TaskWork;

/**
 * The joint submission from consolidation to OHCHR: heads of office clear it per agency or send it
 * back, the sent-back sections are revised, the RC signs off or sends back, the coordinator records
 * the submission. Every path of {@code upr-un-submission}, through the real entry points.
 */
class SubmissionProcessTest extends EngineIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired ReviewWorkflow reviews;
  @Autowired TaskWork work;
  @Autowired SubmissionSections submission;

  private String team;
  private Review review;
  private ProcessInstance instance;

  @BeforeEach
  void twoAgenciesHaveDrafted() {
    init(engine);
    team = newCountryTeam();
    review = reviews.start(coordinator(), team, 42);
    instance =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(review.id().toString())
            .processDefinitionKey(ReviewProcess.UN_SUBMISSION_PROCESS_KEY)
            .singleResult();
    complete(
        coordinator(),
        ReviewProcess.TASK_PLAN_SUBMISSION,
        null,
        Map.of("agencies", List.of("UNICEF", "UNDP")));
    complete(
        focalPoint("UNICEF"),
        ReviewProcess.TASK_DRAFT_AGENCY_SECTION,
        "UNICEF",
        Map.of("text", "UNICEF section"));
    complete(
        focalPoint("UNDP"),
        ReviewProcess.TASK_DRAFT_AGENCY_SECTION,
        "UNDP",
        Map.of("text", "UNDP section"));
    assertThat(instance).isWaitingAt(ReviewProcess.TASK_CONSOLIDATE_SUBMISSION);
  }

  @Test
  void clearedByEveryHeadOfOfficeSignedOffAndSent() {
    consolidate("Joint submission, round 1");
    assertThat(instance).isWaitingAt(ReviewProcess.TASK_CLEAR_SUBMISSION);
    decide(headOfOffice("UNICEF"), ReviewProcess.TASK_CLEAR_SUBMISSION, "UNICEF", "approve", null);
    decide(headOfOffice("UNDP"), ReviewProcess.TASK_CLEAR_SUBMISSION, "UNDP", "approve", null);
    decide(rc(), ReviewProcess.TASK_SIGN_OFF_SUBMISSION, null, "approve", null);
    complete(
        coordinator(),
        ReviewProcess.TASK_RECORD_SUBMISSION,
        null,
        Map.of("submittedOn", "2022-07-12", "reference", "UNCT-GHA-42"));

    assertThat(instance)
        .isEnded()
        .hasPassed(ReviewProcess.END_SUBMISSION_SENT)
        .hasNotPassed(ReviewProcess.TASK_REVISE_AGENCY_SECTION);
    assertThat(outboxTypes(review.id().toString()))
        .filteredOn(type -> type.contains("submission"))
        .containsExactly(
            SubmissionApproved.TYPE,
            SubmissionApproved.TYPE,
            SubmissionApproved.TYPE,
            SubmissionSubmitted.TYPE);
    assertThat(
            jdbc.queryForObject(
                "SELECT ohchr_reference FROM upr_submission WHERE review_id = ?",
                String.class,
                review.id()))
        .isEqualTo("UNCT-GHA-42");
  }

  @Test
  void aSectionSentBackOnceIsRevisedAndTheTextClearedInTheNextRound() {
    consolidate("Round 1");
    decide(
        headOfOffice("UNICEF"),
        ReviewProcess.TASK_CLEAR_SUBMISSION,
        "UNICEF",
        "send-back",
        "Add the 2023 birth registration data");
    decide(headOfOffice("UNDP"), ReviewProcess.TASK_CLEAR_SUBMISSION, "UNDP", "approve", null);

    assertThat(instance).isWaitingAt(ReviewProcess.TASK_REVISE_AGENCY_SECTION);
    assertThat(openTasks(ReviewProcess.TASK_REVISE_AGENCY_SECTION))
        .singleElement()
        .satisfies(task -> assertThat(task).hasCandidateGroup("UNICEF"));
    complete(
        focalPoint("UNICEF"),
        ReviewProcess.TASK_REVISE_AGENCY_SECTION,
        "UNICEF",
        Map.of("text", "UNICEF section, with 2023 data"));
    consolidate("Round 2");
    decide(headOfOffice("UNICEF"), ReviewProcess.TASK_CLEAR_SUBMISSION, "UNICEF", "approve", null);
    decide(headOfOffice("UNDP"), ReviewProcess.TASK_CLEAR_SUBMISSION, "UNDP", "approve", null);

    assertThat(instance).isWaitingAt(ReviewProcess.TASK_SIGN_OFF_SUBMISSION);
    assertThat(submission.decisions(review.id()))
        .extracting(SubmissionSections.Decision::round, SubmissionSections.Decision::decision)
        .containsExactlyInAnyOrder(
            tuple(1, "send-back"), tuple(1, "approve"),
            tuple(2, "approve"), tuple(2, "approve"));
  }

  @Test
  void aTextSentBackTwiceTakesThreeRounds() {
    consolidate("Round 1");
    decide(
        headOfOffice("UNICEF"),
        ReviewProcess.TASK_CLEAR_SUBMISSION,
        "UNICEF",
        "send-back",
        "Too long");
    decide(
        headOfOffice("UNDP"),
        ReviewProcess.TASK_CLEAR_SUBMISSION,
        "UNDP",
        "send-back",
        "Missing SDG links");
    assertThat(openTasks(ReviewProcess.TASK_REVISE_AGENCY_SECTION)).hasSize(2);
    complete(
        focalPoint("UNICEF"),
        ReviewProcess.TASK_REVISE_AGENCY_SECTION,
        "UNICEF",
        Map.of("text", "Shorter"));
    complete(
        focalPoint("UNDP"),
        ReviewProcess.TASK_REVISE_AGENCY_SECTION,
        "UNDP",
        Map.of("text", "With SDG links"));
    consolidate("Round 2");
    decide(headOfOffice("UNICEF"), ReviewProcess.TASK_CLEAR_SUBMISSION, "UNICEF", "approve", null);
    decide(
        headOfOffice("UNDP"),
        ReviewProcess.TASK_CLEAR_SUBMISSION,
        "UNDP",
        "send-back",
        "Still no SDG 16 link");
    assertThat(openTasks(ReviewProcess.TASK_REVISE_AGENCY_SECTION))
        .singleElement()
        .satisfies(task -> assertThat(task).hasCandidateGroup("UNDP"));
    complete(
        focalPoint("UNDP"),
        ReviewProcess.TASK_REVISE_AGENCY_SECTION,
        "UNDP",
        Map.of("text", "With SDG 16"));
    consolidate("Round 3");
    decide(headOfOffice("UNICEF"), ReviewProcess.TASK_CLEAR_SUBMISSION, "UNICEF", "approve", null);
    decide(headOfOffice("UNDP"), ReviewProcess.TASK_CLEAR_SUBMISSION, "UNDP", "approve", null);

    assertThat(instance).isWaitingAt(ReviewProcess.TASK_SIGN_OFF_SUBMISSION);
    assertThat(
            jdbc.queryForObject(
                "SELECT round FROM upr_submission WHERE review_id = ?", Integer.class, review.id()))
        .isEqualTo(3);
  }

  @Test
  void theRcSendingBackReturnsTheTextToConsolidation() {
    consolidate("Round 1");
    decide(headOfOffice("UNICEF"), ReviewProcess.TASK_CLEAR_SUBMISSION, "UNICEF", "approve", null);
    decide(headOfOffice("UNDP"), ReviewProcess.TASK_CLEAR_SUBMISSION, "UNDP", "approve", null);
    decide(
        rc(),
        ReviewProcess.TASK_SIGN_OFF_SUBMISSION,
        null,
        "send-back",
        "Shorten the introduction");

    assertThat(instance).isWaitingAt(ReviewProcess.TASK_CONSOLIDATE_SUBMISSION);
    consolidate("Round 2");
    assertThat(openTasks(ReviewProcess.TASK_CLEAR_SUBMISSION)).hasSize(2);
  }

  @Test
  void nobodyApprovesATextTheyWroteAndSendingBackNeedsComments() {
    consolidate("Round 1");
    Caller headWhoDrafted =
        new Caller("focal-unicef", Set.of("focal-point", "head-of-office"), "UNICEF", Set.of(team));

    assertThatThrownBy(
            () ->
                decide(
                    headWhoDrafted, ReviewProcess.TASK_CLEAR_SUBMISSION, "UNICEF", "approve", null))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(
            () ->
                decide(
                    headOfOffice("UNDP"),
                    ReviewProcess.TASK_CLEAR_SUBMISSION,
                    "UNDP",
                    "send-back",
                    null))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).contains("comments"));
    assertThat(submission.decisions(review.id())).isEmpty();
  }

  private void consolidate(String text) {
    complete(coordinator(), ReviewProcess.TASK_CONSOLIDATE_SUBMISSION, null, Map.of("text", text));
  }

  private void decide(Caller who, String taskKey, String agency, String decision, String comments) {
    Map<String, Object> input =
        comments == null
            ? Map.of("decision", decision)
            : Map.of("decision", decision, "comments", comments);
    complete(who, taskKey, agency, input);
  }

  /** Claims and completes the open task of that kind (of that agency's group, where given). */
  private void complete(Caller who, String taskKey, String agency, Map<String, Object> input) {
    List<Task> candidates = openTasks(taskKey);
    Task task =
        candidates.stream()
            .filter(
                t ->
                    agency == null
                        || engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
                            .anyMatch(
                                link ->
                                    link.getGroupId() != null
                                        && link.getGroupId().endsWith(agency)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No open " + taskKey + " for " + agency));
    if (task.getAssignee() == null) {
      work.claim(who, task.getId());
    }
    work.complete(who, task.getId(), input);
  }

  private List<Task> openTasks(String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey)
        .list();
  }

  private Caller coordinator() {
    return new Caller("coordinator", Set.of(Caller.COORDINATOR), null, Set.of(team));
  }

  private Caller focalPoint(String agency) {
    return new Caller("focal-" + agency.toLowerCase(), Set.of("focal-point"), agency, Set.of(team));
  }

  private Caller headOfOffice(String agency) {
    return new Caller(
        "head-" + agency.toLowerCase(),
        Set.of(ReviewProcess.GROUP_HEAD_OF_OFFICE),
        agency,
        Set.of(team));
  }

  private Caller rc() {
    return new Caller("rc", Set.of(ReviewProcess.GROUP_RC), null, Set.of(team));
  }
}
