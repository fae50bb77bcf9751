package org.uprengage.engine.review;

/**
 * A review moved to another WG session (published in that transaction, so its milestones follow).
 *
 * @param review the review as it is now, in its new session
 */
public record ReviewMoved(
    Review review, int fromSession, int toSession, String movedBy, String reason) {}
