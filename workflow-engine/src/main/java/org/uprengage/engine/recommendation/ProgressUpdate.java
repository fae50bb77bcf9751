package org.uprengage.engine.recommendation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One progress update on a recommendation, as kept.
 *
 * @param agency the lead agency it was reported for
 * @param asOf the date the update describes
 * @param clearance {@code not-required}, {@code pending}, {@code cleared} or {@code returned}; only
 *     {@code not-required} and {@code cleared} updates count
 */
public record ProgressUpdate(
    UUID id,
    UUID recommendationId,
    String agency,
    String status,
    String narrative,
    List<String> evidence,
    LocalDate asOf,
    String reportedBy,
    Instant reportedAt,
    String clearance,
    String clearedBy,
    Instant clearedAt,
    String clearanceComment) {

  public static final String NOT_REQUIRED = "not-required";
  public static final String PENDING = "pending";
  public static final String CLEARED = "cleared";
  public static final String RETURNED = "returned";

  /** Whether it counts for the recommendation's status. */
  public boolean counts() {
    return NOT_REQUIRED.equals(clearance) || CLEARED.equals(clearance);
  }
}
