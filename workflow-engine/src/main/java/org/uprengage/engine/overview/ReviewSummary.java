package org.uprengage.engine.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A review as a list of reviews shows it: where it stands, its WG session's dates, the next of its
 * milestones and how many of its tasks wait for someone.
 *
 * @param stage and {@code step} as in {@link ReviewDetail}
 * @param sessionStartsOn the WG session's first day, and {@code sessionEndsOn} its last
 * @param nextDeadline the earliest milestone still ahead; null once none is (or the review ended)
 * @param openTaskCount how many of the review's tasks are open (held or offered)
 */
public record ReviewSummary(
    UUID id,
    String country,
    int session,
    LocalDate sessionStartsOn,
    LocalDate sessionEndsOn,
    String state,
    String stage,
    String step,
    String startedBy,
    Instant startedAt,
    NextDeadline nextDeadline,
    long openTaskCount) {

  /**
   * A milestone still ahead: its key, its date, and whether that is official, computed or moved.
   */
  public record NextDeadline(String key, LocalDate dueOn, String basis) {}
}
