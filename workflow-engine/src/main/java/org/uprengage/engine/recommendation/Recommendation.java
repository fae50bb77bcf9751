package org.uprengage.engine.recommendation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One recommendation of a review as the register holds it.
 *
 * @param paragraph the paragraph number as published in the WG report, such as {@code 121.1}
 * @param themeHeading the theme the list placed it under
 * @param position {@code pending}, {@code supported}, {@code noted} or {@code supported/noted}
 * @param positionSource where the State gave its position; null while pending
 * @param leadAgency the agency that leads on it; null while nobody is assigned
 * @param supportingAgencies the agencies that support the lead, none while nobody is assigned
 * @param status its implementation status as the latest counted progress update gives it
 * @param statusAsOf the date that update describes; null while none counts
 */
public record Recommendation(
    UUID id,
    UUID reviewId,
    String mechanism,
    String paragraph,
    String text,
    List<RecommendingState> recommendingStates,
    String themeHeading,
    List<String> themes,
    List<String> groupsOfPersons,
    List<Integer> sdgs,
    String position,
    PositionSource positionSource,
    String leadAgency,
    List<String> supportingAgencies,
    String status,
    LocalDate statusAsOf,
    String updatedBy,
    Instant updatedAt) {

  public static final String UPR = "UPR";
  public static final String PENDING = "pending";
  public static final List<String> POSITIONS =
      List.of(PENDING, "supported", "noted", "supported/noted");

  public static final String NOT_STARTED = "not-started";
  public static final String IMPLEMENTED = "implemented";

  /** The implementation statuses, from nothing done to done (or not applicable). */
  public static final List<String> STATUSES =
      List.of(NOT_STARTED, "in-progress", "partially-implemented", IMPLEMENTED, "not-applicable");

  /**
   * A recommending State: its name as published and its ISO 3166-1 alpha-3 code, null where the
   * name is not one the register knows as a State's.
   */
  public record RecommendingState(String name, String code) {}

  /** The document where the position was given and its paragraph, such as A/HRC/43/15/Add.1. */
  public record PositionSource(String symbol, String paragraph) {}
}
