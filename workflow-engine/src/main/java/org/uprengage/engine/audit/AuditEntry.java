package org.uprengage.engine.audit;

import java.time.Instant;
import java.util.UUID;

/** One change attempted: when, by whom, what, from where, and the HTTP status it ended with. */
public record AuditEntry(
    Instant at,
    String actor,
    String action,
    int outcome,
    UUID reviewId,
    String taskId,
    String remoteAddress) {}
