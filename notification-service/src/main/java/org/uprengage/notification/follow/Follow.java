package org.uprengage.notification.follow;

import java.time.Instant;
import java.util.UUID;

/**
 * A person ({@code followerType} person, {@code follower} their username) or an agency ({@code
 * agency}, its code) following a review ({@code reviewId}) or, where that is null, a whole country
 * team.
 */
public record Follow(
    UUID id,
    String followerType,
    String follower,
    String countryTeam,
    UUID reviewId,
    String createdBy,
    Instant createdAt) {}
