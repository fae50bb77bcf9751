package org.uprengage.engine.review;

/** A review was recorded and its process started, in its first stage, the submission. */
public record ReviewStarted(String country, int session, String startedBy) implements ReviewEvent {

  public static final String TYPE = "org.uprengage.review.started.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
