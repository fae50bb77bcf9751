package org.uprengage.engine.recommendation;

import java.time.LocalDate;
import java.util.List;

/**
 * What the lead agency reports on a recommendation.
 *
 * @param status one of {@link Recommendation#STATUSES}
 * @param narrative what was done, in words
 * @param evidence links (http or https) to what shows it
 * @param asOf the date the update describes: today or earlier
 */
public record ProgressReport(
    String status, String narrative, List<String> evidence, LocalDate asOf) {}
