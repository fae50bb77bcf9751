package org.uprengage.engine.recommendation;

import java.util.List;

/**
 * One recommendation as an imported list gives it, checked and cleaned, before the register
 * compares it with what it holds.
 *
 * @param row where the list gave it (see {@link RejectedRow#row()})
 * @param paragraphOrder the paragraph number as one sortable integer (121.10 after 121.9)
 * @param recommendingStates names as published, each with its code or null
 * @param themeHeading null where the list does not say (a CSV without the column): the register
 *     keeps what it has; the same for {@code themes}, {@code groupsOfPersons} and {@code sdgs}
 */
record ListedRecommendation(
    int row,
    String paragraph,
    int paragraphOrder,
    String text,
    List<Recommendation.RecommendingState> recommendingStates,
    String themeHeading,
    List<String> themes,
    List<String> groupsOfPersons,
    List<Integer> sdgs,
    String position,
    Recommendation.PositionSource positionSource) {

  /** Whether the register's recommendation already says all this list says. */
  boolean sameAs(Recommendation held) {
    return text.equals(held.text())
        && recommendingStates.equals(held.recommendingStates())
        && (themeHeading == null || themeHeading.equals(held.themeHeading()))
        && (themes == null || themes.equals(held.themes()))
        && (groupsOfPersons == null || groupsOfPersons.equals(held.groupsOfPersons()))
        && (sdgs == null || sdgs.equals(held.sdgs()))
        && (Recommendation.PENDING.equals(position) || position.equals(held.position()))
        && (positionSource == null || positionSource.equals(held.positionSource()));
  }
}
