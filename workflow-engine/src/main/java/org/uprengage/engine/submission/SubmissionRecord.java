package org.uprengage.engine.submission;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.session.DeadlineRules;

/** Reads a review's submission and its decision history for the people of its country team. */
@Service
public class SubmissionRecord {

  private final JdbcTemplate jdbc;
  private final ReviewWorkflow reviews;
  private final SubmissionSections sections;
  private final WordLimits limits;

  SubmissionRecord(
      JdbcTemplate jdbc, ReviewWorkflow reviews, SubmissionSections sections, WordLimits limits) {
    this.jdbc = jdbc;
    this.reviews = reviews;
    this.sections = sections;
    this.limits = limits;
  }

  @Transactional(readOnly = true)
  public SubmissionView of(Caller caller, UUID reviewId) {
    Review review =
        reviews.find(caller, reviewId).orElseThrow(() -> new NotFound("Review", reviewId));
    Integer limit =
        limits.limit(DeadlineRules.cycleOf(review.session()), WordLimits.UNCT_JOINT).orElse(null);
    List<SubmissionView.Section> drafted =
        jdbc.query(
            "SELECT agency, text, drafted_by, drafted_at FROM upr_submission_section WHERE review_id = ? ORDER BY agency",
            (rs, i) ->
                new SubmissionView.Section(
                    rs.getString("agency"),
                    rs.getString("text"),
                    WordLimits.words(rs.getString("text")),
                    rs.getString("drafted_by"),
                    rs.getTimestamp("drafted_at").toInstant()),
            reviewId);
    List<SubmissionView> found =
        jdbc.query(
            "SELECT * FROM upr_submission WHERE review_id = ?",
            (rs, i) ->
                new SubmissionView(
                    reviewId,
                    drafted,
                    rs.getInt("round"),
                    rs.getString("text"),
                    WordLimits.words(rs.getString("text")),
                    limit,
                    rs.getString("consolidated_by"),
                    rs.getTimestamp("consolidated_at").toInstant(),
                    sections.decisions(reviewId),
                    rs.getDate("submitted_on") == null
                        ? null
                        : new SubmissionView.Sent(
                            rs.getDate("submitted_on").toLocalDate(),
                            rs.getString("ohchr_reference"),
                            rs.getString("submitted_by"))),
            reviewId);
    return found.isEmpty()
        ? new SubmissionView(reviewId, drafted, null, null, 0, limit, null, null, List.of(), null)
        : found.get(0);
  }
}
