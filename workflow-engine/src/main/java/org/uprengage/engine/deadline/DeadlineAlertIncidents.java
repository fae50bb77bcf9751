package org.uprengage.engine.deadline;

import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;
import org.uprengage.engine.incident.RetryableIncidentType;

/**
 * The incident of a deadline watch whose alert failed as often as the engine tries a failed job
 * ({@code UPR_JOB_RETRY_CYCLE}): opened by {@link DeadlineWatchPoller} on the task's execution, its
 * configuration the task's id. While it is open the watch is not tried; retried by a platform
 * admin, its next alert is due at once, its failures counted from zero again.
 */
@Component
class DeadlineAlertIncidents implements RetryableIncidentType {

  /** The incident type, as the listing of incidents shows it. */
  static final String TYPE = "deadlineAlertFailed";

  private final DeadlineWatches watches;

  DeadlineAlertIncidents(DeadlineWatches watches) {
    this.watches = watches;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public void retry(Incident incident) {
    watches.retryNow(incident.getConfiguration());
  }
}
