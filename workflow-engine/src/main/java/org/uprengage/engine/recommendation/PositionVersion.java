package org.uprengage.engine.recommendation;

import java.time.Instant;

/**
 * One change of a recommendation's position: when, by whom, through what ({@code correction},
 * {@code early}, {@code final} or {@code import}), from what to what, each with its source.
 */
public record PositionVersion(
    Instant changedAt,
    String changedBy,
    String via,
    String oldPosition,
    Recommendation.PositionSource oldSource,
    String newPosition,
    Recommendation.PositionSource newSource) {}
