package org.uprengage.engine.task;

import java.util.Map;
import java.util.UUID;

/**
 * For planning the joint submission of a review handed over from the one before: how many of the
 * previous review's recommendations not yet implemented each agency leads on.
 *
 * @param byLeadAgency lead agency code to how many it leads on, by code
 * @param unassigned how many have no lead agency
 */
public record PreviousRecommendationCounts(
    UUID previousReviewId, Map<String, Integer> byLeadAgency, int unassigned) {}
