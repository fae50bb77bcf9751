package org.uprengage.engine.submission;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps each agency's section of a review's joint submission. */
@Service
public class SubmissionSections {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  SubmissionSections(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records (or replaces) the agency's draft, in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordDraft(UUID reviewId, String agency, String text, String author) {
    jdbc.update(
        """
        INSERT INTO upr_submission_section (review_id, agency, text, drafted_by, drafted_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (review_id, agency) DO UPDATE SET text = EXCLUDED.text, drafted_by = EXCLUDED.drafted_by, drafted_at = EXCLUDED.drafted_at
        """,
        reviewId,
        agency,
        text,
        author,
        Timestamp.from(clock.instant()));
  }

  public String draftOf(UUID reviewId, String agency) {
    return jdbc
        .query(
            "SELECT text FROM upr_submission_section WHERE review_id = ? AND agency = ?",
            (rs, i) -> rs.getString(1),
            reviewId,
            agency)
        .stream()
        .findFirst()
        .orElse(null);
  }
}
