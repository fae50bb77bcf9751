package org.uprengage.engine.session;

import java.time.Instant;

/** One field of a calendar entry changed: who, when, from what to what. */
public record SessionChange(
    int version,
    String field,
    String oldValue,
    String newValue,
    String changedBy,
    Instant changedAt) {}
