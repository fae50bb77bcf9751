package org.uprengage.engine.review;

import java.util.UUID;

/** A review was recorded and its process is about to start (published in that transaction). */
public record ReviewScheduled(UUID reviewId, String country, int session) {}
