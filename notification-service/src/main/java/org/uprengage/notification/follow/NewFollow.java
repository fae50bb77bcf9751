package org.uprengage.notification.follow;

import java.util.UUID;

/**
 * What to follow: a review ({@code reviewId}) or a whole country team ({@code countryTeam}, yours
 * where left out); as yourself, or for an agency ({@code agency}) you speak for.
 */
public record NewFollow(UUID reviewId, String countryTeam, String agency) {}
