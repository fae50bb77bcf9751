/**
 * Camunda incidents (jobs whose retries on the schedule {@code failedJobRetryTimeCycle} ran out) as
 * platform admins see them: listed and retried through {@link Incidents}, announced by an {@link
 * IncidentOpened} event of the job's review, counted by the gauge {@code upr.incidents.open}. The
 * engine's incident handler is replaced here and nowhere else.
 */
package org.uprengage.engine.incident;
