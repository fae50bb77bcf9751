package org.uprengage.engine.recommendation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a review takes over from the one before it: the previous review's recommendations not yet
 * implemented (any status but {@code implemented} and {@code not-applicable}), and how many of them
 * each agency leads on, for planning the joint submission.
 *
 * @param previousReviewId null where the review has no previous one
 * @param byLeadAgency lead agency code to how many it leads on, by code
 * @param unassigned how many have no lead agency
 */
public record PreviousRecommendations(
    UUID previousReviewId,
    Map<String, Integer> byLeadAgency,
    int unassigned,
    List<Recommendation> recommendations) {}
