package org.uprengage.engine.outcome;

import java.time.LocalDate;

/** The coordinator recorded the State's mid-term report, or that it submitted none. */
public record MidTermReportRecorded(LocalDate submittedOn, String reference, String actor)
    implements OutcomeEvent {

  public static final String TYPE = "org.uprengage.review.mid-term-report-recorded.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
