package org.uprengage.engine.outcome;

import java.time.LocalDate;

/** The coordinator recorded the HRC plenary's adoption of the review's outcome. */
public record OutcomeAdopted(LocalDate adoptedOn, String decisionSymbol, String actor)
    implements OutcomeEvent {

  public static final String TYPE = "org.uprengage.review.outcome-adopted.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
