/**
 * Camunda incidents (jobs whose retries on the schedule {@code failedJobRetryTimeCycle} ran out,
 * and incidents of this platform's own {@link RetryableIncidentType}s, such as a deadline alert
 * that kept failing) as platform admins see them: listed and retried through {@link Incidents},
 * announced by an {@link IncidentOpened} event of the review, counted by the gauge {@code
 * upr.incidents.open}. The engine's incident handlers are set here and nowhere else.
 */
package org.uprengage.engine.incident;
