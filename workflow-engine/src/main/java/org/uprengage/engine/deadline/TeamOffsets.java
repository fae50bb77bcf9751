package org.uprengage.engine.deadline;

import java.util.List;

/** A country team's milestone offsets, each with the date it hangs on and where it comes from. */
public record TeamOffsets(String countryTeam, List<Offset> offsets) {

  public static final String TEAM = "team";
  public static final String DEFAULT = "default";

  /**
   * One milestone's offset.
   *
   * @param before the date it is counted back from: {@code unEntitySubmission}, {@code
   *     stateReview}, {@code nationalReport} or {@code stakeholderSubmission}
   * @param source {@code team} (set for this country team) or {@code default} (the installation's)
   */
  public record Offset(
      String key, int daysBefore, String before, String source, String changedBy) {}
}
