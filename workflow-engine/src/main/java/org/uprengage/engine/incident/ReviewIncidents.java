package org.uprengage.engine.incident;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.jdbc.core.JdbcTemplate;
import org.uprengage.engine.outbox.EventOutbox;

/**
 * Camunda's handler of one type of incident (failed jobs, {@link Incident#FAILED_JOB_HANDLER_TYPE};
 * a type of this platform's, such as a deadline alert's that kept failing), which also records
 * {@link IncidentOpened} for the review in the transaction that opens the incident: the incident
 * and its announcement commit together. An incident of no review (none of this platform's models
 * has one) opens silently.
 */
class ReviewIncidents extends DefaultIncidentHandler {

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final EventOutbox outbox;
  private final JdbcTemplate jdbc;

  ReviewIncidents(String type, EventOutbox outbox, JdbcTemplate jdbc) {
    super(type);
    this.outbox = outbox;
    this.jdbc = jdbc;
  }

  @Override
  public Incident handleIncident(IncidentContext context, String message) {
    Incident incident = super.handleIncident(context, message);
    reviewOf(context).ifPresent(review -> outbox.append(review, opened(incident)));
    return incident;
  }

  /**
   * The announcement: a failed job's configuration is the job's id; an incident of this platform's
   * own types is opened on a task's execution with the task's id as its configuration.
   */
  static IncidentOpened opened(Incident incident) {
    boolean failedJob = Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType());
    return new IncidentOpened(
        incident.getId(),
        incident.getIncidentType(),
        processKey(incident.getProcessDefinitionId()),
        incident.getActivityId(),
        failedJob ? incident.getConfiguration() : null,
        failedJob ? null : incident.getConfiguration(),
        incident.getIncidentMessage());
  }

  /** The review whose process the incident is in: the business key, shared by its sub-processes. */
  private Optional<UUID> reviewOf(IncidentContext context) {
    if (context.getExecutionId() == null) {
      return Optional.empty();
    }
    ExecutionEntity execution =
        Context.getCommandContext()
            .getExecutionManager()
            .findExecutionById(context.getExecutionId());
    String key = execution == null ? null : execution.getProcessBusinessKey();
    if (key == null || !UUID_TEXT.matcher(key).matches()) {
      return Optional.empty();
    }
    UUID review = UUID.fromString(key);
    Boolean known =
        jdbc.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM upr_review WHERE id = ?)", Boolean.class, review);
    return Boolean.TRUE.equals(known) ? Optional.of(review) : Optional.empty();
  }

  /** A process definition's key, the first part of its id ({@code key:version:id}). */
  static String processKey(String processDefinitionId) {
    if (processDefinitionId == null) {
      return null;
    }
    int colon = processDefinitionId.indexOf(':');
    return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
  }
}
