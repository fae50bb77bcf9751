package org.uprengage.engine.overview;

import java.time.Instant;

/**
 * Something that happened in a review: when, what, to which task or milestone, by whom. A task's
 * {@code subject} is its name in the model, {@code taskKey} its task definition key (the key its
 * name in other languages is looked up by); a milestone's is its key.
 */
public record TimelineEntry(
    Instant at, String event, String subject, String taskKey, String actor, String detail) {}
