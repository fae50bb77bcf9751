package org.uprengage.engine.overview;

import java.time.Instant;

/** Something that happened in a review: when, what, to which task or milestone, by whom. */
public record TimelineEntry(
    Instant at, String event, String subject, String actor, String detail) {}
