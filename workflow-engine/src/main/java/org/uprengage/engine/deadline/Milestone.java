package org.uprengage.engine.deadline;

import java.time.LocalDate;

/**
 * One internal milestone of a review.
 *
 * @param basis {@code official} or {@code computed} when it follows the session calendar (after the
 *     UN-entity deadline's own source), {@code moved} once a coordinator set it
 */
public record Milestone(String key, LocalDate dueOn, String basis, String movedBy) {}
