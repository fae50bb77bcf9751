package org.uprengage.engine.recommendation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;

/**
 * The positions of a review's recommendations: set or corrected one by one or many at once, each
 * change kept as a version (who, when, through what, old, new, with their sources).
 */
@Service
public class RecommendationPositions {

  /** A coordinator's setting or correction through the API. */
  public static final String CORRECTION = "correction";

  public static final String EARLY = "early";
  public static final String FINAL = "final";
  static final String IMPORT = "import";
  static final int MAX_SYMBOL_LENGTH = 100;
  static final int MAX_PARAGRAPH_LENGTH = 32;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ReviewWorkflow reviews;

  RecommendationPositions(JdbcTemplate jdbc, Clock clock, ReviewWorkflow reviews) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.reviews = reviews;
  }

  /** One recommendation of a review the caller sees. */
  @Transactional(readOnly = true)
  public Recommendation one(Caller caller, UUID reviewId, UUID recommendationId) {
    reviews.find(caller, reviewId).orElseThrow(() -> new NotFound("Review", reviewId));
    return jdbc
        .query(
            "SELECT * FROM upr_recommendation WHERE id = ? AND review_id = ?",
            RecommendationRegister::row,
            recommendationId,
            reviewId)
        .stream()
        .findFirst()
        .orElseThrow(() -> new NotFound("Recommendation", recommendationId));
  }

  /** The changes of a recommendation's position, the latest first. */
  @Transactional(readOnly = true)
  public List<PositionVersion> history(Caller caller, UUID reviewId, UUID recommendationId) {
    one(caller, reviewId, recommendationId);
    return jdbc.query(
        "SELECT * FROM upr_recommendation_position_version WHERE recommendation_id = ? ORDER BY id DESC",
        RecommendationPositions::version,
        recommendationId);
  }

  /**
   * A coordinator sets or corrects positions, each with its source: in the caller's transaction,
   * those that can be taken are, the others are answered with their reason.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public PositionsApplied correct(Caller caller, UUID reviewId, List<PositionChange> asked) {
    reviews.find(caller, reviewId).orElseThrow(() -> new NotFound("Review", reviewId));
    if (!caller.hasRole(Caller.COORDINATOR) && !caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden("Only coordinators and admins set the positions on recommendations.");
    }
    return apply(reviewId, asked, CORRECTION, caller.username());
  }

  /**
   * Applies the positions asked for, through {@code via} ({@code correction}, {@code early} or
   * {@code final}), in the caller's transaction; a correction needs the source of every position
   * but {@code pending}.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public PositionsApplied apply(UUID reviewId, List<PositionChange> asked, String via, String by) {
    // Positions of a review change one request at a time, as imports do.
    jdbc.queryForList("SELECT id FROM upr_review WHERE id = ? FOR UPDATE", reviewId);
    Map<String, Recommendation> held = new HashMap<>();
    for (Recommendation recommendation :
        jdbc.query(
            "SELECT * FROM upr_recommendation WHERE review_id = ?",
            RecommendationRegister::row,
            reviewId)) {
      held.put(recommendation.paragraph(), recommendation);
    }
    Instant now = clock.instant();
    Set<String> seen = new HashSet<>();
    List<PositionResult> results = new ArrayList<>();
    List<ChangedPosition> changes = new ArrayList<>();
    for (PositionChange change : asked) {
      PositionResult refused = refusal(change, held, seen, CORRECTION.equals(via));
      if (refused != null) {
        results.add(refused);
        continue;
      }
      Recommendation known = held.get(change.paragraph());
      Recommendation.PositionSource source =
          Recommendation.PENDING.equals(change.position())
                  || change.source() == null
                  || change.source().symbol() == null
                  || change.source().symbol().isBlank()
              ? null
              : change.source();
      if (known.position().equals(change.position())
          && Objects.equals(known.positionSource(), source)) {
        results.add(new PositionResult(change.paragraph(), PositionResult.UNCHANGED, null, null));
        continue;
      }
      jdbc.update(
          "UPDATE upr_recommendation SET position = ?, position_symbol = ?, position_paragraph = ?,"
              + " updated_by = ?, updated_at = ? WHERE id = ?",
          change.position(),
          source == null ? null : source.symbol(),
          source == null ? null : source.paragraph(),
          by,
          Timestamp.from(now),
          known.id());
      record(known, change.position(), source, via, by, now);
      results.add(new PositionResult(change.paragraph(), PositionResult.CHANGED, null, null));
      changes.add(
          new ChangedPosition(change.paragraph(), known.position(), change.position(), source));
    }
    return new PositionsApplied(List.copyOf(results), List.copyOf(changes));
  }

  /** Keeps a change of the recommendation's position as its latest version. */
  void record(
      Recommendation known,
      String position,
      Recommendation.PositionSource source,
      String via,
      String by,
      Instant at) {
    Recommendation.PositionSource old = known.positionSource();
    jdbc.update(
        """
        INSERT INTO upr_recommendation_position_version (recommendation_id, via, old_position,
            old_symbol, old_paragraph, new_position, new_symbol, new_paragraph, changed_by,
            changed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        known.id(),
        via,
        known.position(),
        old == null ? null : old.symbol(),
        old == null ? null : old.paragraph(),
        position,
        source == null ? null : source.symbol(),
        source == null ? null : source.paragraph(),
        by,
        Timestamp.from(at));
  }

  /** Why the position asked for cannot be taken; null where it can. */
  private static PositionResult refusal(
      PositionChange change,
      Map<String, Recommendation> held,
      Set<String> seen,
      boolean sourceRequired) {
    String paragraph = change.paragraph();
    if (paragraph == null || paragraph.isBlank()) {
      return rejected(paragraph, "paragraph", "is required: the paragraph number, such as 121.1");
    }
    if (!seen.add(paragraph)) {
      return rejected(paragraph, "paragraph", "is given twice");
    }
    if (!held.containsKey(paragraph)) {
      return rejected(paragraph, "paragraph", "is not a recommendation of the review's register");
    }
    if (change.position() == null || !Recommendation.POSITIONS.contains(change.position())) {
      return rejected(paragraph, "position", "must be one of " + Recommendation.POSITIONS);
    }
    if (Recommendation.PENDING.equals(change.position())) {
      return null;
    }
    Recommendation.PositionSource source = change.source();
    if (source == null || source.symbol() == null || source.symbol().isBlank()) {
      return sourceRequired
          ? rejected(
              paragraph,
              "source.symbol",
              "is required: the document where the State gave the position, such as"
                  + " A/HRC/53/15/Add.1")
          : null;
    }
    if (source.symbol().length() > MAX_SYMBOL_LENGTH) {
      return rejected(
          paragraph, "source.symbol", "must be at most " + MAX_SYMBOL_LENGTH + " characters");
    }
    if (source.paragraph() != null && source.paragraph().length() > MAX_PARAGRAPH_LENGTH) {
      return rejected(
          paragraph, "source.paragraph", "must be at most " + MAX_PARAGRAPH_LENGTH + " characters");
    }
    return null;
  }

  private static PositionResult rejected(String paragraph, String field, String reason) {
    return new PositionResult(paragraph, PositionResult.REJECTED, field, reason);
  }

  private static PositionVersion version(ResultSet rs, int i) throws SQLException {
    return new PositionVersion(
        rs.getTimestamp("changed_at").toInstant(),
        rs.getString("changed_by"),
        rs.getString("via"),
        rs.getString("old_position"),
        source(rs.getString("old_symbol"), rs.getString("old_paragraph")),
        rs.getString("new_position"),
        source(rs.getString("new_symbol"), rs.getString("new_paragraph")));
  }

  private static Recommendation.PositionSource source(String symbol, String paragraph) {
    return symbol == null ? null : new Recommendation.PositionSource(symbol, paragraph);
  }
}
