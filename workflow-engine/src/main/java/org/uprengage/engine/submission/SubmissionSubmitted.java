package org.uprengage.engine.submission;

import java.time.LocalDate;

/** The signed-off submission went to OHCHR. */
public record SubmissionSubmitted(LocalDate submittedOn, String reference, String submittedBy)
    implements SubmissionEvent {

  public static final String TYPE = "org.uprengage.review.submission-submitted.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
