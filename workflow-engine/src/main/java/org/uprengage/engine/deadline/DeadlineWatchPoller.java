package org.uprengage.engine.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves the deadline watches on each engine node: every {@code upr.deadlines.watch.interval} it
 * takes the watches whose next alert is due, one transaction each, locked with {@code FOR UPDATE
 * SKIP LOCKED} so nodes polling at once share them and each alert is raised once; raises it ({@link
 * DeadlineAlerts}) and sets the watch's next alert, or ends the watch once it escalated, in the
 * same transaction as the outbox row. An alert that fails is tried again after {@code
 * upr.deadlines.watch.retry-after}; once it has failed as many times as the engine tries a failed
 * job ({@code failedJobRetryTimeCycle}, UPR_JOB_RETRY_CYCLE), it opens an incident ({@link
 * DeadlineAlertIncidents}) on the task's execution, and is not tried again until a platform admin
 * retries the incident. Polls where the engine's job executor runs ({@code
 * upr.deadlines.watch.enabled}, by default as {@code camunda.bpm.job-execution.enabled}); tests
 * raise alerts themselves.
 */
@Component
public class DeadlineWatchPoller {

  private static final Logger log = LoggerFactory.getLogger(DeadlineWatchPoller.class);

  /** How many times an alert is tried before its incident opens, if the engine has no schedule. */
  static final int DEFAULT_ATTEMPTS = 5;

  /** The longest incident message the engine stores. */
  private static final int MAX_INCIDENT_MESSAGE = 4000;

  private final DeadlineWatches watches;
  private final DeadlineAlerts alerts;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final TransactionTemplate transactions;
  private final boolean enabled;
  private final Duration retryAfter;
  private final int attempts;

  DeadlineWatchPoller(
      DeadlineWatches watches,
      DeadlineAlerts alerts,
      TaskService tasks,
      RuntimeService runtime,
      ProcessEngineConfigurationImpl engine,
      PlatformTransactionManager transactionManager,
      @Value("${upr.deadlines.watch.enabled:${camunda.bpm.job-execution.enabled:true}}")
          boolean enabled,
      @Value("${upr.deadlines.watch.retry-after:5m}") Duration retryAfter) {
    this.watches = watches;
    this.alerts = alerts;
    this.tasks = tasks;
    this.runtime = runtime;
    this.transactions = new TransactionTemplate(transactionManager);
    this.enabled = enabled;
    this.retryAfter = retryAfter;
    this.attempts = attempts(engine.getFailedJobRetryTimeCycle());
  }

  /**
   * How many times the engine tries a failed job on the schedule {@code cycle} before it becomes an
   * incident (R5/PT5M: 5), counted as the engine counts them; {@value #DEFAULT_ATTEMPTS} without
   * one.
   */
  static int attempts(String cycle) {
    FailedJobRetryConfiguration parsed =
        cycle == null || cycle.isBlank() ? null : ParseUtil.parseRetryIntervals(cycle);
    return parsed == null || parsed.getRetries() < 1 ? DEFAULT_ATTEMPTS : parsed.getRetries();
  }

  @Scheduled(fixedDelayString = "${upr.deadlines.watch.interval:1s}")
  void poll() {
    if (enabled) {
      try {
        raiseDue();
      } catch (RuntimeException e) {
        log.warn("Deadline watches not served, will retry: {}", e.toString());
      }
    }
  }

  /** Raises every alert due now (the engine's clock); returns how many watches it served. */
  public int raiseDue() {
    int served = 0;
    while (serve(now -> watches.takeDue(now))) {
      served++;
    }
    return served;
  }

  /** Raises the alert of one task's watch if it is due now; returns whether it was. */
  public boolean raiseDue(String taskId) {
    return serve(now -> watches.takeDue(taskId, now));
  }

  /** Serves the watch {@code take} locks, if any, in a transaction of its own. */
  private boolean serve(Function<Instant, Optional<DeadlineWatches.Watch>> take) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String[] taken = new String[1];
    try {
      Boolean served =
          transactions.execute(
              status -> {
                Optional<DeadlineWatches.Watch> due = take.apply(now);
                if (due.isEmpty()) {
                  return false;
                }
                taken[0] = due.get().taskId();
                raise(due.get());
                return true;
              });
      return Boolean.TRUE.equals(served);
    } catch (RuntimeException e) {
      if (taken[0] == null) {
        throw e;
      }
      log.warn("Deadline alert of task {} failed, tried again in {}: {}", taken[0], retryAfter, e);
      String taskId = taken[0];
      transactions.executeWithoutResult(
          status -> {
            int failures = watches.failed(taskId, now.plus(retryAfter));
            if (failures >= attempts) {
              openIncident(taskId, failures, e);
            }
          });
      return true;
    }
  }

  /**
   * Opens the incident of a watch whose alert failed {@code failures} times, on its task's
   * execution, unless one is open (the watch's row, locked by the caller, orders nodes doing so).
   */
  private void openIncident(String taskId, int failures, RuntimeException error) {
    if (runtime
            .createIncidentQuery()
            .incidentType(DeadlineAlertIncidents.TYPE)
            .configuration(taskId)
            .count()
        > 0) {
      return;
    }
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getExecutionId() == null) {
      return; // gone: the next poll ends its watch
    }
    String message =
        "The deadline alert of task \""
            + task.getName()
            + "\" ("
            + taskId
            + ") failed "
            + failures
            + " times: "
            + error;
    if (message.length() > MAX_INCIDENT_MESSAGE) {
      message = message.substring(0, MAX_INCIDENT_MESSAGE - 1) + "…";
    }
    runtime.createIncident(DeadlineAlertIncidents.TYPE, task.getExecutionId(), taskId, message);
    log.warn("Deadline alert of task {} failed {} times: incident opened", taskId, failures);
  }

  private void raise(DeadlineWatches.Watch watch) {
    Task task = tasks.createTaskQuery().taskId(watch.taskId()).singleResult();
    if (task == null) {
      watches.unwatch(watch.taskId()); // gone without its listener: nobody to remind
      return;
    }
    boolean escalated =
        alerts.raise(
            tasks,
            watch.reviewId(),
            watch.milestone(),
            watch.taskId(),
            task,
            Date.from(watch.dueAt()),
            watch.countryTeam());
    watches.alerted(watch, escalated);
  }
}
