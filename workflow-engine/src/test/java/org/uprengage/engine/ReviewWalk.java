package org.uprengage.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.TaskWork;

/**
 * Walks one review through its processes as its people would, through the real entry points: the
 * review's stages are found by its business key, tasks are claimed and completed through {@link
 * TaskWork}, timers are fired by moving the engine's clock to them.
 */
public final class ReviewWalk {

  private final ProcessEngine engine;
  private final TaskWork work;
  private final String team;
  private final Review review;

  public ReviewWalk(
      ProcessEngine engine, ReviewWorkflow reviews, TaskWork work, String team, int session) {
    this.engine = engine;
    this.work = work;
    this.team = team;
    this.review = reviews.start(coordinator(), team, session);
  }

  public Review review() {
    return review;
  }

  public String team() {
    return team;
  }

  /** The review's {@code upr-review} instance. */
  public ProcessInstance root() {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(review.processInstanceId())
        .singleResult();
  }

  /** The running instance of a stage's process (or of any process keyed by the review). */
  public ProcessInstance running(String processKey) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(review.id().toString())
        .processDefinitionKey(processKey)
        .singleResult();
  }

  /** The open tasks of the review with that key, oldest first. */
  public List<Task> tasks(String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(review.id().toString())
        .taskDefinitionKey(taskKey)
        .orderByTaskCreateTime()
        .asc()
        .list();
  }

  /** The one open task with that key. */
  public Task task(String taskKey) {
    List<Task> tasks = tasks(taskKey);
    if (tasks.size() != 1) {
      throw new AssertionError("Expected one open " + taskKey + ", found " + tasks.size());
    }
    return tasks.get(0);
  }

  /** Claims and completes the open task with that key offered to {@code who}'s groups. */
  public void complete(Caller who, String taskKey, Map<String, Object> input) {
    Task task =
        tasks(taskKey).stream()
            .filter(
                t ->
                    engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
                        .anyMatch(link -> who.groups().contains(link.getGroupId())))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No open " + taskKey + " for " + who));
    if (task.getAssignee() == null) {
      work.claim(who, task.getId());
    }
    work.complete(who, task.getId(), input);
  }

  /** The review's running process instances: its own, its stages', and any other keyed by it. */
  private List<ProcessInstance> instances() {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(review.id().toString())
        .list();
  }

  /** The timers waiting in any of the review's process instances at that activity. */
  public List<Job> timers(String activityId) {
    List<Job> timers = new ArrayList<>();
    for (ProcessInstance instance : instances()) {
      timers.addAll(
          engine
              .getManagementService()
              .createJobQuery()
              .processInstanceId(instance.getId())
              .activityId(activityId)
              .timers()
              .list());
    }
    timers.sort(Comparator.comparing(Job::getDuedate));
    return timers;
  }

  /** The one timer waiting at that activity. */
  public Job timer(String activityId) {
    List<Job> timers = timers(activityId);
    if (timers.size() != 1) {
      throw new AssertionError("Expected one timer at " + activityId + ", found " + timers.size());
    }
    return timers.get(0);
  }

  /**
   * Runs every job of the review's processes due by the engine's clock, as the job executor would,
   * until none is left: whatever the jobs are (timers, deadline alerts, asynchronous steps).
   */
  public void runDueJobs() {
    for (int pass = 0; pass < 10; pass++) {
      List<Job> due = new ArrayList<>();
      for (ProcessInstance instance : instances()) {
        due.addAll(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .executable()
                .list());
      }
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new AssertionError("Jobs of review " + review.id() + " kept falling due");
  }

  /** Moves the clock to the job's due time and runs it, as the job executor would. */
  public void fire(Job job) {
    ClockUtil.setCurrentTime(job.getDuedate());
    engine.getManagementService().executeJob(job.getId());
  }

  /** The submission, planned with one agency, drafted, cleared, signed off and sent. */
  public void submitWithUnicef() {
    complete(
        coordinator(), ReviewProcess.TASK_PLAN_SUBMISSION, Map.of("agencies", List.of("UNICEF")));
    complete(
        focalPoint("UNICEF"),
        ReviewProcess.TASK_DRAFT_AGENCY_SECTION,
        Map.of("text", "UNICEF section"));
    complete(
        coordinator(), ReviewProcess.TASK_CONSOLIDATE_SUBMISSION, Map.of("text", "Joint text"));
    complete(
        headOfOffice("UNICEF"), ReviewProcess.TASK_CLEAR_SUBMISSION, Map.of("decision", "approve"));
    complete(rc(), ReviewProcess.TASK_SIGN_OFF_SUBMISSION, Map.of("decision", "approve"));
    complete(
        coordinator(),
        ReviewProcess.TASK_RECORD_SUBMISSION,
        Map.of("submittedOn", "2022-07-12", "reference", "UNCT-42"));
  }

  /** The review stage: briefings, the session's end, the recommendations recorded. */
  public void reviewWith(int recommendations) {
    complete(coordinator(), ReviewProcess.TASK_BRIEF_RECOMMENDING_STATES, Map.of());
    fire(timer(ReviewProcess.TIMER_WG_REPORT_ADOPTED));
    complete(
        coordinator(),
        ReviewProcess.TASK_RECORD_RECOMMENDATIONS,
        Map.of("count", recommendations, "wgReportSymbol", "A/HRC/53/15"));
  }

  /** The adoption stage: early and final positions, the HRC adoption. */
  public void adopt() {
    complete(
        coordinator(),
        ReviewProcess.TASK_RECORD_EARLY_POSITIONS,
        Map.of("supported", 120, "noted", 10));
    complete(
        coordinator(),
        ReviewProcess.TASK_RECORD_FINAL_POSITIONS,
        Map.of("supported", 180, "noted", 70, "addendumSymbol", "A/HRC/53/15/Add.1"));
    complete(
        coordinator(), ReviewProcess.TASK_RECORD_HRC_ADOPTION, Map.of("adoptedOn", "2023-07-10"));
  }

  /** The follow-up: dissemination, the mid-term report's time, the report supported. */
  public void followUp() {
    complete(coordinator(), ReviewProcess.TASK_DISSEMINATE_RECOMMENDATIONS, Map.of());
    fire(timer(ReviewProcess.TIMER_MID_TERM_REPORT_DUE));
    complete(
        coordinator(),
        ReviewProcess.TASK_SUPPORT_MID_TERM_REPORT,
        Map.of("submittedOn", "2025-08-01", "reference", "https://uhri.ohchr.org/mtr"));
    handOver();
  }

  /**
   * Runs the hand-over to the next review, which the engine does in a job of its own (not in the
   * request of whoever completed the last task), as the job executor would.
   */
  public void handOver() {
    for (Job job :
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(review.processInstanceId())
            .activityId(ReviewProcess.TASK_HAND_OVER)
            .list()) {
      engine.getManagementService().executeJob(job.getId());
    }
  }

  public Caller coordinator() {
    return new Caller("coordinator", Set.of(Caller.COORDINATOR), null, Set.of(team));
  }

  public Caller focalPoint(String agency) {
    return new Caller("focal-" + agency.toLowerCase(), Set.of("focal-point"), agency, Set.of(team));
  }

  public Caller headOfOffice(String agency) {
    return new Caller(
        "head-" + agency.toLowerCase(),
        Set.of(ReviewProcess.GROUP_HEAD_OF_OFFICE),
        agency,
        Set.of(team));
  }

  public Caller rc() {
    return new Caller("rc", Set.of(ReviewProcess.GROUP_RC), null, Set.of(team));
  }
}
