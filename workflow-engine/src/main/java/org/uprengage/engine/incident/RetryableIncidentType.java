package org.uprengage.engine.incident;

import org.camunda.bpm.engine.runtime.Incident;

/**
 * A type of incident of this platform's own (not a failed job), opened with {@code
 * RuntimeService.createIncident} where something outside a job kept failing, on a user task's
 * execution with the task's id as its configuration. Each is announced like a failed job's ({@link
 * IncidentOpened}, the task in its {@code taskId}), listed, and retried through {@link Incidents}:
 * the incident is resolved and {@link #retry} gives its cause one more try, in the same
 * transaction.
 */
public interface RetryableIncidentType {

  /** The incident type, as {@code createIncident} is given it and the listing shows it. */
  String type();

  /** Tries again what failed, now; should it fail again, the incident opens again. */
  void retry(Incident incident);
}
