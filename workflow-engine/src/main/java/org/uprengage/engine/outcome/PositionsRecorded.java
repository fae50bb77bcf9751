package org.uprengage.engine.outcome;

import java.util.List;

/**
 * The coordinator recorded the State's positions at the addendum's early or final deadline, or
 * corrected them ({@code final}: the register holds the final record); with the counts, and where
 * the review has a register of recommendations, each position that changed.
 *
 * @param changes the positions that changed, each recommendation's; null for counts alone
 */
public record PositionsRecorded(
    String deadline,
    int supported,
    int noted,
    String addendumSymbol,
    String actor,
    List<Change> changes)
    implements OutcomeEvent {

  public static final String TYPE = "org.uprengage.review.positions-recorded.v1";

  /** Positions recorded as counts, for a review without a register. */
  public PositionsRecorded(
      String deadline, int supported, int noted, String addendumSymbol, String actor) {
    this(deadline, supported, noted, addendumSymbol, actor, null);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * One recommendation's position changed: its paragraph number, the position before and after, and
   * the source of the new one (null: none given).
   */
  public record Change(String paragraph, String oldPosition, String newPosition, Source source) {}

  /** The document symbol and the paragraph where the State gave its position. */
  public record Source(String symbol, String paragraph) {}
}
