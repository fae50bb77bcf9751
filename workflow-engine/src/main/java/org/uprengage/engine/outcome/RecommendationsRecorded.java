package org.uprengage.engine.outcome;

/** The coordinator recorded how many recommendations the WG report lists. */
public record RecommendationsRecorded(int recommendations, String wgReportSymbol, String actor)
    implements OutcomeEvent {

  public static final String TYPE = "org.uprengage.review.recommendations-recorded.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
