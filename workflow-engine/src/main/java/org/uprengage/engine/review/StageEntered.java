package org.uprengage.engine.review;

import java.util.UUID;

/** A review entered one of its later stages: the review in the WG, adoption or follow-up. */
public record StageEntered(String stage, String countryTeam) implements ReviewEvent {

  public static final String TYPE = "org.uprengage.review.stage-entered.v1";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String subject(UUID reviewId) {
    return "reviews/" + reviewId + "/stages/" + stage;
  }
}
