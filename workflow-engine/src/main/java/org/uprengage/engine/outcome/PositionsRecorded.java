package org.uprengage.engine.outcome;

/** The coordinator recorded the State's positions at the addendum's early or final deadline. */
public record PositionsRecorded(
    String deadline, int supported, int noted, String addendumSymbol, String actor)
    implements OutcomeEvent {

  public static final String TYPE = "org.uprengage.review.positions-recorded.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
