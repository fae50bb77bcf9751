package org.uprengage.engine.review;

import java.util.UUID;

/** A review ended by handing over to the State's next review. */
public record ReviewHandedOver(UUID nextReviewId, int nextSession) implements ReviewEvent {

  public static final String TYPE = "org.uprengage.review.handed-over.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
