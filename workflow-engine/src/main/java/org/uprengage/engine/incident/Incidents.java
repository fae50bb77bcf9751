package org.uprengage.engine.incident;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.audit.AuditTrail;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.security.Caller;

/**
 * The engine's open incidents, for platform admins: listed with their error, and retried once the
 * cause is fixed (the job gets one more try, now; should it fail again, the incident opens again).
 */
@Service
public class Incidents {

  /** The most incidents one answer lists, newest first. */
  static final int MAX_LISTED = 200;

  /** The most of a stack trace an answer carries: where it failed is at its top. */
  static final int MAX_STACKTRACE = 4000;

  private static final Pattern ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final RuntimeService runtime;
  private final ManagementService management;
  private final AuditTrail audit;
  private final Map<String, RetryableIncidentType> customTypes;

  Incidents(
      RuntimeService runtime,
      ManagementService management,
      AuditTrail audit,
      List<RetryableIncidentType> customTypes) {
    this.runtime = runtime;
    this.management = management;
    this.audit = audit;
    this.customTypes =
        customTypes.stream()
            .collect(Collectors.toMap(RetryableIncidentType::type, Function.identity()));
  }

  /** The open incidents, newest first, at most {@value #MAX_LISTED}. */
  @Transactional(readOnly = true)
  public List<IncidentView> open(Caller caller) {
    requirePlatformAdmin(caller);
    List<Incident> incidents =
        runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, MAX_LISTED);
    Set<String> instanceIds =
        incidents.stream()
            .map(Incident::getProcessInstanceId)
            .filter(id -> id != null)
            .collect(Collectors.toSet());
    Map<String, String> reviews =
        instanceIds.isEmpty()
            ? Map.of()
            : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                .filter(instance -> instance.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    return incidents.stream().map(incident -> view(incident, reviews::get)).toList();
  }

  /**
   * Gives the incident's job one more try, due now, the incident closing as the engine does so; or,
   * for an incident of a {@link RetryableIncidentType}, resolves it and has its type try again.
   */
  @Transactional
  public void retry(Caller caller, String id) {
    requirePlatformAdmin(caller);
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidInput("id", "must be an incident's id, as listed");
    }
    Incident incident = runtime.createIncidentQuery().incidentId(id).singleResult();
    if (incident == null) {
      throw new NotFound("Incident", id);
    }
    RetryableIncidentType custom = customTypes.get(incident.getIncidentType());
    if (custom != null) {
      // the engine opens it again on each calling process's execution: the cause is resolved
      Incident cause =
          incident.getRootCauseIncidentId() == null
                  || incident.getRootCauseIncidentId().equals(incident.getId())
              ? incident
              : runtime
                  .createIncidentQuery()
                  .incidentId(incident.getRootCauseIncidentId())
                  .singleResult();
      reviewOf(cause).ifPresent(review -> audit.concerns(review, null));
      runtime.resolveIncident(cause.getId());
      custom.retry(cause);
      return;
    }
    Job job = jobOf(incident);
    if (job == null) {
      throw new Conflict(
          "The incident "
              + id
              + " is not a failed job's ("
              + incident.getIncidentType()
              + "): resolve it where it was raised.");
    }
    reviewOf(incident).ifPresent(review -> audit.concerns(review, null));
    management.setJobRetries(job.getId(), 1);
    if (job.getDuedate() == null || job.getDuedate().after(ClockUtil.getCurrentTime())) {
      management.setJobDuedate(job.getId(), ClockUtil.getCurrentTime());
    }
  }

  /** The review whose process it is: the process instance's business key. */
  private Optional<UUID> reviewOf(Incident incident) {
    if (incident.getProcessInstanceId() == null) {
      return Optional.empty();
    }
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(incident.getProcessInstanceId())
            .singleResult();
    String key = instance == null ? null : instance.getBusinessKey();
    return key != null && ID.matcher(key).matches()
        ? Optional.of(UUID.fromString(key))
        : Optional.empty();
  }

  private Job jobOf(Incident incident) {
    if (!Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())
        || incident.getConfiguration() == null) {
      return null;
    }
    return management.createJobQuery().jobId(incident.getConfiguration()).singleResult();
  }

  private IncidentView view(Incident incident, Function<String, String> reviewOf) {
    boolean failedJob =
        Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())
            && incident.getConfiguration() != null;
    String stacktrace = failedJob ? stacktraceOf(incident.getConfiguration()) : null;
    return new IncidentView(
        incident.getId(),
        incident.getIncidentType(),
        incident.getIncidentTimestamp().toInstant(),
        incident.getIncidentMessage(),
        ReviewIncidents.processKey(incident.getProcessDefinitionId()),
        incident.getActivityId(),
        incident.getProcessInstanceId(),
        incident.getProcessInstanceId() == null
            ? null
            : reviewOf.apply(incident.getProcessInstanceId()),
        failedJob ? incident.getConfiguration() : null,
        stacktrace,
        failedJob || customTypes.containsKey(incident.getIncidentType()));
  }

  private String stacktraceOf(String jobId) {
    String stacktrace = management.getJobExceptionStacktrace(jobId);
    if (stacktrace == null || stacktrace.length() <= MAX_STACKTRACE) {
      return stacktrace;
    }
    return stacktrace.substring(0, MAX_STACKTRACE - 1) + "…";
  }

  private static void requirePlatformAdmin(Caller caller) {
    if (!caller.platformAdmin()) {
      throw new Forbidden("Only platform admins see and retry the engine's incidents.");
    }
  }
}
