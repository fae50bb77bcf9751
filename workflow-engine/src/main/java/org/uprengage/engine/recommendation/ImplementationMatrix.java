package org.uprengage.engine.recommendation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The matrix a country team hands to the Government and to OHCHR: a review's recommendations
 * grouped by theme, SDG or lead agency, each with its position, agencies, implementation status and
 * the latest counted progress narrative.
 *
 * @param groupBy {@code theme}, {@code sdg} or {@code agency}
 */
public record ImplementationMatrix(
    UUID reviewId, String country, int session, String groupBy, List<Group> groups) {

  /**
   * One group: its heading (the theme, {@code SDG 4}, the lead agency's code, or the group of those
   * without) and its recommendations in paragraph order. By SDG a recommendation is in the group of
   * each of its goals.
   */
  public record Group(String heading, List<Row> recommendations) {}

  /** One recommendation in the matrix. */
  public record Row(
      String paragraph,
      String text,
      List<String> recommendingStates,
      String position,
      String leadAgency,
      List<String> supportingAgencies,
      String status,
      LocalDate statusAsOf,
      String latestNarrative) {}
}
