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
import org.uprengage.engine.submission.SubmissionView.Documents;
import org.uprengage.engine.submission.SubmissionView.Sent;

/** Reads a review's submission and its decision history for the people of its country team. */
@Service
public class SubmissionRecord {

  private final JdbcTemplate jdbc;
  private final ReviewWorkflow reviews;
  private final SubmissionSections sections;
  private final WordLimits limits;
  private final SubmissionDocument document;

  SubmissionRecord(
      JdbcTemplate jdbc,
      ReviewWorkflow reviews,
      SubmissionSections sections,
      WordLimits limits,
      SubmissionDocument document) {
    this.jdbc = jdbc;
    this.reviews = reviews;
    this.sections = sections;
    this.limits = limits;
    this.document = document;
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
    List<SubmissionSections.Decision> decisions = sections.decisions(reviewId);
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
                    decisions,
                    rs.getDate("submitted_on") == null
                        ? null
                        : new SubmissionView.Sent(
                            rs.getDate("submitted_on").toLocalDate(),
                            rs.getString("ohchr_reference"),
                            rs.getString("submitted_by"),
                            (Integer) rs.getObject("submitted_round"),
                            rs.getString("submitted_document_sha256")),
                    null),
            reviewId);
    if (found.isEmpty()) {
      return new SubmissionView(
          reviewId, drafted, null, null, 0, limit, null, null, List.of(), null, Documents.NONE);
    }
    SubmissionView view = found.get(0);
    return new SubmissionView(
        view.reviewId(),
        view.sections(),
        view.round(),
        view.text(),
        view.words(),
        view.wordLimit(),
        view.consolidatedBy(),
        view.consolidatedAt(),
        view.decisions(),
        view.sent(),
        compare(decisions, view.sent()));
  }

  /**
   * The {@code .docx} of a round of the joint submission of a review the caller may see.
   *
   * @param round the round; null for the latest
   * @param language en, fr or es; null for the country team's language
   */
  @Transactional(readOnly = true)
  public byte[] document(Caller caller, UUID reviewId, Integer round, String language) {
    SubmissionDocument.check(round, language);
    reviews.find(caller, reviewId).orElseThrow(() -> new NotFound("Review", reviewId));
    int number =
        round != null
            ? round
            : sections
                .latestRound(reviewId)
                .orElseThrow(() -> new NotFound("Consolidated joint submission", reviewId));
    return document.of(reviewId, number, language);
  }

  /** Whether what went to OHCHR is what the RC cleared, for a review the caller may see. */
  @Transactional(readOnly = true)
  public Documents documents(Caller caller, UUID reviewId) {
    return of(caller, reviewId).document();
  }

  private static Documents compare(List<SubmissionSections.Decision> decisions, Sent sent) {
    List<SubmissionSections.Decision> signedOff =
        decisions.stream()
            .filter(d -> SubmissionSections.SIGN_OFF.equals(d.stage()))
            .filter(d -> SubmissionSections.APPROVE.equals(d.decision()))
            .filter(d -> d.documentSha256() != null)
            .toList();
    SubmissionSections.Decision last =
        signedOff.isEmpty() ? null : signedOff.get(signedOff.size() - 1);
    String sentSha256 = sent == null ? null : sent.documentSha256();
    return new Documents(
        last == null ? null : last.round(),
        last == null ? null : last.documentSha256(),
        sentSha256 == null ? null : sent.round(),
        sentSha256,
        sentSha256 == null
            ? null
            : signedOff.stream().anyMatch(d -> sentSha256.equals(d.documentSha256())));
  }
}
