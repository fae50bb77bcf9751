package org.uprengage.engine.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A review's joint UN submission as it stands: the agencies' sections, the consolidated text of the
 * latest round, every clearance and sign-off decision, and when it went to OHCHR.
 *
 * @param words the consolidated text's words (each section has its own count)
 * @param wordLimit the installation's limit for the UN country team's joint submission in the
 *     review's cycle; null where none is set
 */
public record SubmissionView(
    UUID reviewId,
    List<Section> sections,
    Integer round,
    String text,
    int words,
    Integer wordLimit,
    String consolidatedBy,
    Instant consolidatedAt,
    List<SubmissionSections.Decision> decisions,
    Sent sent) {

  /** One agency's section, as last drafted or revised. */
  public record Section(
      String agency, String text, int words, String draftedBy, Instant draftedAt) {}

  /** The submission to OHCHR. */
  public record Sent(LocalDate on, String reference, String by) {}
}
