package org.uprengage.engine.task;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One recommendation a task of an implementation round works on: the lead agency's recommendation
 * with its implementation status, and what the agency reported on it in the round.
 *
 * @param status its implementation status as the latest counted progress update gives it
 * @param statusAsOf the date that update describes; null while none counts
 * @param roundUpdateId the agency's latest progress update on it in this round; null where none
 * @param roundUpdateClearance that update's clearance ({@code not-required}, {@code pending},
 *     {@code cleared} or {@code returned}); null where none
 */
public record TaskRecommendation(
    UUID id,
    String paragraph,
    String text,
    String status,
    LocalDate statusAsOf,
    UUID roundUpdateId,
    String roundUpdateClearance) {}
