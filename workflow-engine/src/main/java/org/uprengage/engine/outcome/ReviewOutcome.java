package org.uprengage.engine.outcome;

import java.time.LocalDate;

/** What a review produced so far; null where it is not recorded yet. */
public record ReviewOutcome(
    Integer recommendations,
    String wgReportSymbol,
    Positions earlyPositions,
    Positions finalPositions,
    String addendumSymbol,
    LocalDate hrcAdoptedOn,
    String hrcDecisionSymbol,
    LocalDate midTermReportSubmittedOn,
    String midTermReportReference) {

  /** How many recommendations the State supported and noted; the rest are still pending. */
  public record Positions(int supported, int noted, int pending) {}
}
