package org.uprengage.engine.recommendation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.Links;

/**
 * The implementation of each recommendation: progress updates by the lead agency's focal points and
 * heads of office (status, narrative, evidence, as-of date), all kept; where the country team asks
 * for it, a head of office of the agency clears an update before it counts. The latest counted
 * update (by as-of date) gives the recommendation its status.
 */
@Service
public class RecommendationProgress {

  static final int MAX_NARRATIVE = 10_000;
  static final int MAX_EVIDENCE = 20;
  static final int MAX_COMMENT = 2_000;
  static final String CLEAR = "clear";
  static final String RETURN = "return";

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ReviewWorkflow reviews;
  private final RecommendationPositions positions;
  private final ImplementationSettings settings;

  RecommendationProgress(
      JdbcTemplate jdbc,
      Clock clock,
      ReviewWorkflow reviews,
      RecommendationPositions positions,
      ImplementationSettings settings) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.reviews = reviews;
    this.positions = positions;
    this.settings = settings;
  }

  /** A head of office's decision on a pending update: {@code clear} or {@code return}. */
  public record Decision(String decision, String comment) {}

  /**
   * The lead agency's focal point or head of office reports progress, in the caller's transaction.
   * It counts at once unless the team asks for clearance and the reporter is not a head of office.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public ProgressUpdate report(
      Caller caller, UUID reviewId, UUID recommendationId, ProgressReport report) {
    Review review = visible(caller, reviewId);
    Recommendation recommendation = positions.one(caller, reviewId, recommendationId);
    boolean head = caller.hasRole(Caller.HEAD_OF_OFFICE);
    if (caller.agency() == null || (!head && !caller.hasRole(Caller.FOCAL_POINT))) {
      throw new Forbidden(
          "Only the lead agency's focal points and heads of office report progress.");
    }
    if (recommendation.leadAgency() == null) {
      throw new Conflict(
          "Recommendation "
              + recommendation.paragraph()
              + " has no lead agency yet: a coordinator assigns one first.");
    }
    if (!recommendation.leadAgency().equals(caller.agency())) {
      throw new Forbidden(
          recommendation.leadAgency() + " leads on it: only its people report progress on it.");
    }
    checked(report);
    String clearance =
        !settings.of(review.country()).progressClearance()
            ? ProgressUpdate.NOT_REQUIRED
            : head ? ProgressUpdate.CLEARED : ProgressUpdate.PENDING;
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update(
        """
        INSERT INTO upr_recommendation_progress (id, recommendation_id, agency, status, narrative,
            evidence, as_of, reported_by, reported_at, clearance, cleared_by, cleared_at)
        VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)
        """,
        id,
        recommendationId,
        recommendation.leadAgency(),
        report.status(),
        report.narrative().strip(),
        evidence(report).toArray(String[]::new),
        report.asOf(),
        caller.username(),
        now,
        clearance,
        ProgressUpdate.CLEARED.equals(clearance) ? caller.username() : null,
        ProgressUpdate.CLEARED.equals(clearance) ? now : null);
    ProgressUpdate update = find(id);
    if (update.counts()) {
      counted(update);
    }
    return update;
  }

  /**
   * A head of office of the update's agency clears a pending update (it counts from then) or
   * returns it with a comment (it never counts), in the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public ProgressUpdate decide(
      Caller caller, UUID reviewId, UUID recommendationId, UUID updateId, Decision decision) {
    visible(caller, reviewId);
    positions.one(caller, reviewId, recommendationId);
    ProgressUpdate update =
        jdbc
            .query(
                "SELECT * FROM upr_recommendation_progress WHERE id = ? AND recommendation_id = ?"
                    + " FOR UPDATE",
                RecommendationProgress::row,
                updateId,
                recommendationId)
            .stream()
            .findFirst()
            .orElseThrow(() -> new NotFound("Progress update", updateId));
    if (!caller.hasRole(Caller.HEAD_OF_OFFICE) || !update.agency().equals(caller.agency())) {
      throw new Forbidden(
          "Only a head of office of " + update.agency() + " clears its progress updates.");
    }
    List<FieldError> errors = new ArrayList<>();
    String choice = decision == null ? null : decision.decision();
    if (!CLEAR.equals(choice) && !RETURN.equals(choice)) {
      errors.add(new FieldError("decision", "must be clear or return"));
    }
    String comment = decision == null ? null : decision.comment();
    if (RETURN.equals(choice) && (comment == null || comment.isBlank())) {
      errors.add(new FieldError("comment", "is required to return an update: say what to change"));
    }
    if (comment != null && comment.length() > MAX_COMMENT) {
      errors.add(new FieldError("comment", "must be at most " + MAX_COMMENT + " characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    if (!ProgressUpdate.PENDING.equals(update.clearance())) {
      throw new Conflict("The update is " + update.clearance() + ", not waiting for clearance.");
    }
    jdbc.update(
        "UPDATE upr_recommendation_progress SET clearance = ?, cleared_by = ?, cleared_at = ?,"
            + " clearance_comment = ? WHERE id = ?",
        CLEAR.equals(choice) ? ProgressUpdate.CLEARED : ProgressUpdate.RETURNED,
        caller.username(),
        Timestamp.from(clock.instant()),
        comment == null || comment.isBlank() ? null : comment.strip(),
        updateId);
    ProgressUpdate decided = find(updateId);
    if (decided.counts()) {
      counted(decided);
    }
    return decided;
  }

  /** Every update on the recommendation, the latest reported first. */
  @Transactional(readOnly = true)
  public List<ProgressUpdate> history(Caller caller, UUID reviewId, UUID recommendationId) {
    positions.one(caller, reviewId, recommendationId);
    return jdbc.query(
        "SELECT * FROM upr_recommendation_progress WHERE recommendation_id = ?"
            + " ORDER BY number DESC",
        RecommendationProgress::row,
        recommendationId);
  }

  /** The update gives the recommendation its status unless a counted one describes a later day. */
  private void counted(ProgressUpdate update) {
    jdbc.update(
        "UPDATE upr_recommendation SET status = ?, status_as_of = ? WHERE id = ?"
            + " AND (status_as_of IS NULL OR status_as_of <= ?)",
        update.status(),
        update.asOf(),
        update.recommendationId(),
        update.asOf());
  }

  private void checked(ProgressReport report) {
    List<FieldError> errors = new ArrayList<>();
    if (report.status() == null || !Recommendation.STATUSES.contains(report.status())) {
      errors.add(new FieldError("status", "must be one of " + Recommendation.STATUSES));
    }
    if (report.narrative() == null || report.narrative().isBlank()) {
      errors.add(new FieldError("narrative", "is required: what was done, in words"));
    } else if (report.narrative().length() > MAX_NARRATIVE) {
      errors.add(new FieldError("narrative", "must be at most " + MAX_NARRATIVE + " characters"));
    }
    List<String> evidence = report.evidence() == null ? List.of() : report.evidence();
    if (evidence.size() > MAX_EVIDENCE) {
      errors.add(new FieldError("evidence", "at most " + MAX_EVIDENCE + " links"));
    } else {
      for (int i = 0; i < evidence.size(); i++) {
        String problem = Links.problem(evidence.get(i));
        if (problem != null) {
          errors.add(new FieldError("evidence[" + i + "]", problem));
        }
      }
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (report.asOf() == null) {
      errors.add(new FieldError("asOf", "is required: the date the update describes"));
    } else if (report.asOf().isAfter(today)) {
      errors.add(new FieldError("asOf", "must be today or earlier"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  private static List<String> evidence(ProgressReport report) {
    return report.evidence() == null
        ? List.of()
        : report.evidence().stream().map(String::strip).toList();
  }

  private Review visible(Caller caller, UUID reviewId) {
    return reviews.find(caller, reviewId).orElseThrow(() -> new NotFound("Review", reviewId));
  }

  private ProgressUpdate find(UUID id) {
    return jdbc.queryForObject(
        "SELECT * FROM upr_recommendation_progress WHERE id = ?", RecommendationProgress::row, id);
  }

  private static ProgressUpdate row(ResultSet rs, int i) throws SQLException {
    Timestamp cleared = rs.getTimestamp("cleared_at");
    return new ProgressUpdate(
        rs.getObject("id", UUID.class),
        rs.getObject("recommendation_id", UUID.class),
        rs.getString("agency"),
        rs.getString("status"),
        rs.getString("narrative"),
        RecommendationRegister.strings(rs.getArray("evidence")),
        rs.getObject("as_of", LocalDate.class),
        rs.getString("reported_by"),
        rs.getTimestamp("reported_at").toInstant(),
        rs.getString("clearance"),
        rs.getString("cleared_by"),
        cleared == null ? null : cleared.toInstant(),
        rs.getString("clearance_comment"));
  }
}
