package org.uprengage.engine.outcome;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.recommendation.ChangedPosition;
import org.uprengage.engine.recommendation.PositionChange;
import org.uprengage.engine.recommendation.PositionResult;
import org.uprengage.engine.recommendation.PositionsApplied;
import org.uprengage.engine.recommendation.Recommendation;
import org.uprengage.engine.recommendation.RecommendationPositions;
import org.uprengage.engine.recommendation.RecommendationRegister;
import org.uprengage.engine.security.Caller;

/**
 * Records a review's outcome stage by stage, each in the caller's transaction with its event:
 * "recommendations recorded", "positions recorded", "outcome adopted", "mid-term report recorded".
 * Once the review's register of recommendations holds any, the counts are the register's.
 */
@Service
public class ReviewOutcomes {

  static final String EARLY = RecommendationPositions.EARLY;
  static final String FINAL = RecommendationPositions.FINAL;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final EventOutbox outbox;
  private final RecommendationRegister register;
  private final RecommendationPositions positions;

  ReviewOutcomes(
      JdbcTemplate jdbc,
      Clock clock,
      EventOutbox outbox,
      RecommendationRegister register,
      RecommendationPositions positions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.outbox = outbox;
    this.register = register;
    this.positions = positions;
  }

  /**
   * The review's outcome so far, if anything was recorded: the number of recommendations and the
   * final positions counted in the register once it holds recommendations.
   */
  public Optional<ReviewOutcome> of(UUID reviewId) {
    Optional<ReviewOutcome> recorded =
        jdbc
            .query(
                "SELECT * FROM upr_review_outcome WHERE review_id = ?",
                ReviewOutcomes::row,
                reviewId)
            .stream()
            .findFirst();
    Optional<RecommendationRegister.Counts> counted = register.counts(reviewId);
    if (counted.isEmpty()) {
      return recorded;
    }
    RecommendationRegister.Counts counts = counted.get();
    ReviewOutcome base =
        recorded.orElse(new ReviewOutcome(null, null, null, null, null, null, null, null, null));
    boolean positionsKnown = counts.pending() < counts.recommendations();
    return Optional.of(
        new ReviewOutcome(
            counts.recommendations(),
            base.wgReportSymbol(),
            base.earlyPositions(),
            positionsKnown
                ? new ReviewOutcome.Positions(counts.supported(), counts.noted(), counts.pending())
                : base.finalPositions(),
            base.addendumSymbol(),
            base.hrcAdoptedOn(),
            base.hrcDecisionSymbol(),
            base.midTermReportSubmittedOn(),
            base.midTermReportReference()));
  }

  /** How many recommendations the review's register holds, where it holds any. */
  Optional<Integer> registered(UUID reviewId) {
    return register.counts(reviewId).map(RecommendationRegister.Counts::recommendations);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void recordRecommendations(UUID reviewId, int count, String symbol, String by) {
    upsert(reviewId, "recommendations = ?, wg_report_symbol = ?", by, count, symbol);
    outbox.append(reviewId, new RecommendationsRecorded(count, symbol, by));
  }

  /** Positions known at the addendum's {@code early} or {@code final} deadline, as counts. */
  @Transactional(propagation = Propagation.MANDATORY)
  void recordPositions(
      UUID reviewId, String deadline, int supported, int noted, String symbol, String by) {
    recordPositions(reviewId, deadline, supported, noted, symbol, by, null);
  }

  /**
   * Positions known at the addendum's {@code early} or {@code final} deadline, recommendation by
   * recommendation in the review's register, the addendum's symbol as their source. Where any
   * cannot be taken nothing is recorded and the results say why; else the register's counts are the
   * deadline's.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  PositionsApplied recordPositions(
      UUID reviewId, String deadline, List<PositionChange> asked, String symbol, String by) {
    Recommendation.PositionSource source =
        symbol == null ? null : new Recommendation.PositionSource(symbol, null);
    PositionsApplied applied =
        positions.apply(
            reviewId,
            asked.stream()
                .map(change -> new PositionChange(change.paragraph(), change.position(), source))
                .toList(),
            deadline,
            by);
    if (applied.results().stream().noneMatch(PositionResult::rejected)) {
      RecommendationRegister.Counts counts = register.counts(reviewId).orElseThrow();
      recordPositions(
          reviewId,
          deadline,
          counts.supported(),
          counts.noted(),
          symbol,
          by,
          changes(applied.changes()));
    }
    return applied;
  }

  /**
   * A coordinator sets or corrects positions in the review's register, each with its source; the
   * changes, if any, are recorded as the final positions with the register's counts.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public PositionsApplied correctPositions(
      Caller caller, UUID reviewId, List<PositionChange> asked) {
    PositionsApplied applied = positions.correct(caller, reviewId, asked);
    if (!applied.changes().isEmpty()) {
      RecommendationRegister.Counts counts = register.counts(reviewId).orElseThrow();
      outbox.append(
          reviewId,
          new PositionsRecorded(
              FINAL,
              counts.supported(),
              counts.noted(),
              null,
              caller.username(),
              changes(applied.changes())));
    }
    return applied;
  }

  /** A coordinator sets or corrects one recommendation's position; answers it as it is now. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Recommendation correctPosition(
      Caller caller,
      UUID reviewId,
      UUID recommendationId,
      String position,
      Recommendation.PositionSource source) {
    Recommendation recommendation = positions.one(caller, reviewId, recommendationId);
    PositionResult result =
        correctPositions(
                caller,
                reviewId,
                List.of(new PositionChange(recommendation.paragraph(), position, source)))
            .results()
            .get(0);
    if (result.rejected()) {
      throw new InvalidInput(result.field(), result.reason());
    }
    return positions.one(caller, reviewId, recommendationId);
  }

  private void recordPositions(
      UUID reviewId,
      String deadline,
      int supported,
      int noted,
      String symbol,
      String by,
      List<PositionsRecorded.Change> changes) {
    if (EARLY.equals(deadline)) {
      upsert(reviewId, "early_supported = ?, early_noted = ?", by, supported, noted);
    } else {
      upsert(
          reviewId,
          "final_supported = ?, final_noted = ?, addendum_symbol = ?",
          by,
          supported,
          noted,
          symbol);
    }
    outbox.append(reviewId, new PositionsRecorded(deadline, supported, noted, symbol, by, changes));
  }

  private static List<PositionsRecorded.Change> changes(List<ChangedPosition> changed) {
    return changed.stream()
        .map(
            change ->
                new PositionsRecorded.Change(
                    change.paragraph(),
                    change.oldPosition(),
                    change.newPosition(),
                    change.source() == null
                        ? null
                        : new PositionsRecorded.Source(
                            change.source().symbol(), change.source().paragraph())))
        .toList();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void recordHrcAdoption(UUID reviewId, LocalDate adoptedOn, String symbol, String by) {
    upsert(
        reviewId,
        "hrc_adopted_on = ?, hrc_decision_symbol = ?",
        by,
        Date.valueOf(adoptedOn),
        symbol);
    outbox.append(reviewId, new OutcomeAdopted(adoptedOn, symbol, by));
  }

  /** The State's mid-term report: when it was submitted (null: it was not), and its reference. */
  @Transactional(propagation = Propagation.MANDATORY)
  void recordMidTermReport(UUID reviewId, LocalDate submittedOn, String reference, String by) {
    upsert(
        reviewId,
        "mid_term_report_submitted_on = ?, mid_term_report_reference = ?",
        by,
        submittedOn == null ? null : Date.valueOf(submittedOn),
        reference);
    outbox.append(reviewId, new MidTermReportRecorded(submittedOn, reference, by));
  }

  private void upsert(UUID reviewId, String assignments, String by, Object... values) {
    jdbc.update(
        "INSERT INTO upr_review_outcome (review_id, updated_by, updated_at) VALUES (?, ?, ?) ON CONFLICT (review_id) DO NOTHING",
        reviewId,
        by,
        Timestamp.from(clock.instant()));
    Object[] args = new Object[values.length + 3];
    System.arraycopy(values, 0, args, 0, values.length);
    args[values.length] = by;
    args[values.length + 1] = Timestamp.from(clock.instant());
    args[values.length + 2] = reviewId;
    jdbc.update(
        "UPDATE upr_review_outcome SET "
            + assignments
            + ", updated_by = ?, updated_at = ? WHERE review_id = ?",
        args);
  }

  private static ReviewOutcome row(ResultSet rs, int i) throws SQLException {
    Integer recommendations = (Integer) rs.getObject("recommendations");
    return new ReviewOutcome(
        recommendations,
        rs.getString("wg_report_symbol"),
        positions(rs, "early", recommendations),
        positions(rs, "final", recommendations),
        rs.getString("addendum_symbol"),
        date(rs.getDate("hrc_adopted_on")),
        rs.getString("hrc_decision_symbol"),
        date(rs.getDate("mid_term_report_submitted_on")),
        rs.getString("mid_term_report_reference"));
  }

  private static ReviewOutcome.Positions positions(
      ResultSet rs, String prefix, Integer recommendations) throws SQLException {
    Integer supported = (Integer) rs.getObject(prefix + "_supported");
    Integer noted = (Integer) rs.getObject(prefix + "_noted");
    if (supported == null || noted == null) {
      return null;
    }
    int total = recommendations == null ? supported + noted : recommendations;
    return new ReviewOutcome.Positions(supported, noted, Math.max(0, total - supported - noted));
  }

  private static LocalDate date(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
