package org.uprengage.engine.submission;

/** A head of office or the RC sent the round's text back, saying what to change. */
public record SubmissionSentBack(
    int round, String stage, String agency, String decidedBy, String comments)
    implements SubmissionEvent {

  public static final String TYPE = "org.uprengage.review.submission-sent-back.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
