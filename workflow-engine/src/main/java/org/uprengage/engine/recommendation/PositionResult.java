package org.uprengage.engine.recommendation;

/**
 * What became of one position or assignment asked for: {@code changed}, {@code unchanged} (the
 * register held it already) or {@code rejected}, with the input at fault and the reason.
 */
public record PositionResult(String paragraph, String result, String field, String reason) {

  public static final String CHANGED = "changed";
  public static final String UNCHANGED = "unchanged";
  public static final String REJECTED = "rejected";

  public boolean rejected() {
    return REJECTED.equals(result);
  }
}
