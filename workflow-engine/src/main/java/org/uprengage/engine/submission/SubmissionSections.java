package org.uprengage.engine.submission;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.session.DeadlineRules;
import org.uprengage.engine.task.TaskForm;
import org.uprengage.engine.task.TaskWords;

/**
 * The joint submission of a review: each agency's section, the consolidated text (a new round each
 * time it is consolidated), the heads of office's and the RC's decisions on each round, and when it
 * went to OHCHR. The review process asks it which way to go ({@code
 * ${submissionSections.sentBack(execution)}}).
 */
@Service("submissionSections")
public class SubmissionSections {

  public static final String APPROVE = "approve";
  public static final String SEND_BACK = "send-back";
  public static final String CLEARANCE = "clearance";
  public static final String SIGN_OFF = "sign-off";

  /** Sections in the order the coordinator planned, those outside it after, by agency code. */
  private static final String AGREED_ORDER =
      "ORDER BY coalesce(array_position(?::text[], agency), 2147483647), agency";

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final EventOutbox outbox;
  private final WordLimits limits;

  SubmissionSections(JdbcTemplate jdbc, Clock clock, EventOutbox outbox, WordLimits limits) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.outbox = outbox;
    this.limits = limits;
  }

  /** Records (or replaces) the agency's draft, in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  void recordDraft(UUID reviewId, String agency, String text, String author) {
    recordSection(reviewId, agency, text, null, author);
  }

  /** Records that the agency declines to contribute a section, and why. */
  @Transactional(propagation = Propagation.MANDATORY)
  void recordDeclined(UUID reviewId, String agency, String reason, String by) {
    recordSection(reviewId, agency, null, reason, by);
  }

  /** The agency's section as it stands now: its text, or why the agency wrote none. */
  private void recordSection(
      UUID reviewId, String agency, String text, String declinedReason, String by) {
    jdbc.update(
        """
        INSERT INTO upr_submission_section (review_id, agency, text, declined_reason, drafted_by, drafted_at)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (review_id, agency) DO UPDATE SET text = EXCLUDED.text, declined_reason = EXCLUDED.declined_reason,
            drafted_by = EXCLUDED.drafted_by, drafted_at = EXCLUDED.drafted_at
        """,
        reviewId,
        agency,
        text,
        declinedReason,
        by,
        Timestamp.from(clock.instant()));
  }

  /**
   * The agencies that drafted a section (did not decline): they clear the joint submission. Used by
   * the model: {@code ${submissionSections.contributingAgencies(execution)}}.
   */
  public List<String> contributingAgencies(DelegateExecution execution) {
    return new ArrayList<>(
        jdbc.queryForList(
            "SELECT agency FROM upr_submission_section WHERE review_id = ? AND declined_reason IS NULL ORDER BY agency",
            String.class,
            reviewId(execution)));
  }

  /** Whether any agency drafted a section, rather than every one declining. */
  public boolean anySectionDrafted(DelegateExecution execution) {
    return !contributingAgencies(execution).isEmpty();
  }

  Optional<String> draftedBy(UUID reviewId, String agency) {
    return jdbc
        .query(
            "SELECT drafted_by FROM upr_submission_section WHERE review_id = ? AND agency = ? AND declined_reason IS NULL",
            (rs, i) -> rs.getString(1),
            reviewId,
            agency)
        .stream()
        .findFirst();
  }

  /**
   * Records the consolidated text as a new round, with the agencies' sections as they stand now in
   * the agreed order (the order the coordinator named them in when planning): the round's document
   * is made from both.
   *
   * @return the round number (1 for the first consolidation)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  int consolidate(UUID reviewId, String text, String author, List<String> agreedOrder) {
    Integer round =
        jdbc.queryForObject(
            """
            INSERT INTO upr_submission (review_id, text, round, consolidated_by, consolidated_at) VALUES (?, ?, 1, ?, ?)
            ON CONFLICT (review_id) DO UPDATE SET text = EXCLUDED.text, round = upr_submission.round + 1,
                consolidated_by = EXCLUDED.consolidated_by, consolidated_at = EXCLUDED.consolidated_at
            RETURNING round
            """,
            Integer.class,
            reviewId,
            text,
            author,
            Timestamp.from(clock.instant()));
    int number = round == null ? 1 : round;
    jdbc.update(
        "INSERT INTO upr_submission_round (review_id, round, text, consolidated_by, consolidated_at) SELECT review_id, round, text, consolidated_by, consolidated_at FROM upr_submission WHERE review_id = ?",
        reviewId);
    List<AgencySection> sections = sections(reviewId, agreedOrder);
    for (int i = 0; i < sections.size(); i++) {
      jdbc.update(
          "INSERT INTO upr_submission_round_section (review_id, round, position, agency, text) VALUES (?, ?, ?, ?, ?)",
          reviewId,
          number,
          i + 1,
          sections.get(i).agency(),
          sections.get(i).text());
    }
    return number;
  }

  /** The sections drafted so far (declined ones left out), in the agreed order. */
  List<AgencySection> sections(UUID reviewId, List<String> agreedOrder) {
    return jdbc.query(
        "SELECT agency, text FROM upr_submission_section WHERE review_id = ? AND declined_reason IS NULL AND text IS NOT NULL "
            + AGREED_ORDER,
        (rs, i) -> new AgencySection(rs.getString("agency"), rs.getString("text")),
        reviewId,
        agreedOrder.toArray(String[]::new));
  }

  /** An agency's section of the joint submission. */
  record AgencySection(String agency, String text) {}

  /** The process variables {@link #words} reads from the task's context. */
  static final Set<String> WORDS_VARIABLES =
      Set.of(ReviewProcess.VAR_AGENCY, ReviewProcess.VAR_AGENCIES, ReviewProcess.VAR_SESSION);

  /**
   * The words a task of the review works on: its agency's section (or, for a task of no agency,
   * every section, in the agreed order) and the latest round's consolidated text, against the limit
   * of the review's cycle for the UN country team's joint submission.
   */
  TaskWords words(TaskForm.TaskContext task) {
    String agency = (String) task.variables().get(ReviewProcess.VAR_AGENCY);
    List<TaskWords.Section> sections =
        sections(task.reviewId(), agreedOrder(task.variables())).stream()
            .filter(section -> agency == null || agency.equals(section.agency()))
            .map(
                section ->
                    new TaskWords.Section(section.agency(), WordLimits.words(section.text())))
            .toList();
    if (agency != null && sections.isEmpty()) {
      sections = List.of(new TaskWords.Section(agency, 0));
    }
    Integer limit =
        task.variables().get(ReviewProcess.VAR_SESSION) instanceof Number session
            ? limits
                .limit(DeadlineRules.cycleOf(session.intValue()), WordLimits.UNCT_JOINT)
                .orElse(null)
            : null;
    return new TaskWords(
        sections, consolidatedText(task.reviewId()).map(WordLimits::words).orElse(null), limit);
  }

  /** The agencies as the coordinator named them when planning the submission. */
  static List<String> agreedOrder(Map<String, Object> variables) {
    return variables.get(ReviewProcess.VAR_AGENCIES) instanceof List<?> agencies
        ? agencies.stream().map(String::valueOf).toList()
        : List.of();
  }

  /**
   * The text of the latest round before {@code round} that {@code person} decided on: what they
   * last saw, to show what changed since.
   */
  Optional<SeenRound> lastSeen(UUID reviewId, String person, int round) {
    return jdbc
        .query(
            """
            SELECT r.round, r.text FROM upr_submission_round r
            WHERE r.review_id = ? AND r.round = (
                SELECT max(d.round) FROM upr_submission_decision d
                WHERE d.review_id = ? AND d.decided_by = ? AND d.round < ?)
            """,
            (rs, i) -> new SeenRound(rs.getInt("round"), rs.getString("text")),
            reviewId,
            reviewId,
            person,
            round)
        .stream()
        .findFirst();
  }

  /** A round's consolidated text as someone saw it. */
  record SeenRound(int round, String text) {}

  Optional<String> consolidatedBy(UUID reviewId) {
    return submissionColumn(reviewId, "consolidated_by");
  }

  /** The consolidated text of the latest round, if the text was consolidated. */
  Optional<String> consolidatedText(UUID reviewId) {
    return submissionColumn(reviewId, "text");
  }

  /** The latest round, if the text was consolidated. */
  Optional<Integer> latestRound(UUID reviewId) {
    return submissionColumn(reviewId, "round").map(Integer::valueOf);
  }

  private Optional<String> submissionColumn(UUID reviewId, String column) {
    return jdbc
        .query(
            "SELECT " + column + " FROM upr_submission WHERE review_id = ?",
            (rs, i) -> rs.getString(1),
            reviewId)
        .stream()
        .findFirst();
  }

  /**
   * Records a decision on the round's text and raises "submission approved" or "sent back".
   *
   * @param documentSha256 the SHA-256 of the round's document the RC signed off; null otherwise
   * @param overWordLimitReason the RC's reason to sign off a text over the word limit, or null
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void decide(
      UUID reviewId,
      int round,
      String stage,
      String agency,
      String decision,
      String comments,
      String decidedBy,
      String documentSha256,
      String overWordLimitReason) {
    jdbc.update(
        "INSERT INTO upr_submission_decision (review_id, round, stage, agency, decision, comments, decided_by, decided_at, document_sha256, over_word_limit_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        reviewId,
        round,
        stage,
        agency,
        decision,
        comments,
        decidedBy,
        Timestamp.from(clock.instant()),
        documentSha256,
        overWordLimitReason);
    outbox.append(
        reviewId,
        APPROVE.equals(decision)
            ? new SubmissionApproved(round, stage, agency, decidedBy, comments)
            : new SubmissionSentBack(round, stage, agency, decidedBy, comments));
  }

  /** The decisions on a review's submission, oldest first: its clearance history. */
  List<Decision> decisions(UUID reviewId) {
    return jdbc.query(
        "SELECT * FROM upr_submission_decision WHERE review_id = ? ORDER BY id",
        (rs, i) ->
            new Decision(
                rs.getInt("round"),
                rs.getString("stage"),
                rs.getString("agency"),
                rs.getString("decision"),
                rs.getString("comments"),
                rs.getString("decided_by"),
                rs.getTimestamp("decided_at").toInstant(),
                rs.getString("over_word_limit_reason"),
                rs.getString("document_sha256")),
        reviewId);
  }

  /**
   * Records when the signed-off submission went to OHCHR, and which document (the latest round's,
   * generated now: its SHA-256), and raises "submission submitted".
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void recordSubmitted(
      UUID reviewId,
      LocalDate submittedOn,
      String reference,
      String by,
      Function<Integer, String> documentSha256) {
    int round = latestRound(reviewId).orElseThrow();
    jdbc.update(
        "UPDATE upr_submission SET submitted_on = ?, ohchr_reference = ?, submitted_by = ?, submitted_round = ?, submitted_document_sha256 = ? WHERE review_id = ?",
        submittedOn,
        reference,
        by,
        round,
        documentSha256.apply(round),
        reviewId);
    outbox.append(reviewId, new SubmissionSubmitted(submittedOn, reference, by));
  }

  /** Whether a head of office sent the current round back. */
  public boolean sentBack(DelegateExecution execution) {
    return !agenciesSentBack(execution).isEmpty();
  }

  /** The agencies whose head of office sent the current round back. */
  public List<String> agenciesSentBack(DelegateExecution execution) {
    return new ArrayList<>(
        jdbc.queryForList(
            "SELECT agency FROM upr_submission_decision WHERE review_id = ? AND round = ? AND stage = ? AND decision = ? ORDER BY agency",
            String.class,
            reviewId(execution),
            round(execution),
            CLEARANCE,
            SEND_BACK));
  }

  /** Whether the RC sent the current round back. */
  public boolean signOffSentBack(DelegateExecution execution) {
    return !jdbc.queryForList(
            "SELECT 1 FROM upr_submission_decision WHERE review_id = ? AND round = ? AND stage = ? AND decision = ?",
            Integer.class,
            reviewId(execution),
            round(execution),
            SIGN_OFF,
            SEND_BACK)
        .isEmpty();
  }

  private static UUID reviewId(DelegateExecution execution) {
    return UUID.fromString(execution.getVariable(ReviewProcess.VAR_REVIEW_ID).toString());
  }

  private static int round(DelegateExecution execution) {
    Object round = execution.getVariable(ReviewProcess.VAR_SUBMISSION_ROUND);
    return round == null ? 0 : ((Number) round).intValue();
  }

  /** One decision on one round of the submission. */
  public record Decision(
      int round,
      String stage,
      String agency,
      String decision,
      String comments,
      String decidedBy,
      Instant decidedAt,
      String overWordLimitReason,
      String documentSha256) {}
}
