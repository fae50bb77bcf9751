package org.uprengage.engine.submission;

/** A head of office cleared, or the RC signed off, the round's text. */
public record SubmissionApproved(
    int round, String stage, String agency, String decidedBy, String comments)
    implements SubmissionEvent {

  public static final String TYPE = "org.uprengage.review.submission-approved.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
