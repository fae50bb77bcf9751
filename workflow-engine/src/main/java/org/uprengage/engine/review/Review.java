package org.uprengage.engine.review;

import java.time.Instant;
import java.util.UUID;

/**
 * A State's review in one UPR Working Group session, as its country team works on it, with the
 * review it took over from and the one it handed over to, where known.
 */
public record Review(
    UUID id,
    String country,
    int session,
    String processInstanceId,
    String startedBy,
    Instant startedAt,
    String state,
    UUID previousReviewId,
    UUID nextReviewId) {

  public static final String ACTIVE = "ACTIVE";
  public static final String COMPLETED = "COMPLETED";
}
