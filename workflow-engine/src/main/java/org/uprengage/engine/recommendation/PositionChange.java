package org.uprengage.engine.recommendation;

/**
 * A position asked for one recommendation of a review, named by its paragraph number.
 *
 * @param position {@code pending}, {@code supported}, {@code noted} or {@code supported/noted}
 * @param source where the State gave it; none for {@code pending}
 */
public record PositionChange(
    String paragraph, String position, Recommendation.PositionSource source) {}
