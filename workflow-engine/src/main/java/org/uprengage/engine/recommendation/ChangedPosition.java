package org.uprengage.engine.recommendation;

/**
 * A position the register changed: the recommendation's paragraph, from what, to what, per what.
 */
public record ChangedPosition(
    String paragraph,
    String oldPosition,
    String newPosition,
    Recommendation.PositionSource source) {}
