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
 * @param document the documents the RC signed off and that went to OHCHR, by their SHA-256
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
    Sent sent,
    Documents document) {

  /** One agency's section, as last drafted or revised. */
  public record Section(
      String agency, String text, int words, String draftedBy, Instant draftedAt) {}

  /**
   * The submission to OHCHR.
   *
   * @param round the round whose document was sent; null for a submission recorded before the
   *     documents were kept
   * @param documentSha256 the SHA-256 of the document sent (generated when it was recorded)
   */
  public record Sent(
      LocalDate on, String reference, String by, Integer round, String documentSha256) {}

  /**
   * Whether what went to OHCHR is what the RC cleared.
   *
   * @param signedOffRound the latest round the RC signed off; null before
   * @param signedOffSha256 the SHA-256 of that round's document when the RC signed it off
   * @param sentRound the round whose document went to OHCHR; null before
   * @param sentSha256 the SHA-256 of the document sent
   * @param sentAsCleared whether the document sent is one the RC signed off; null until it is sent
   */
  public record Documents(
      Integer signedOffRound,
      String signedOffSha256,
      Integer sentRound,
      String sentSha256,
      Boolean sentAsCleared) {

    static final Documents NONE = new Documents(null, null, null, null, null);
  }
}
