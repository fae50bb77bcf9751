package org.uprengage.engine.audit;

import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricScopeInstanceEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's history (level full) to what the platform and its operators read, and writes it
 * without the reads it does not need. Left out, for every command:
 *
 * <ul>
 *   <li>each variable update's detail row ({@code act_hi_detail}): {@code act_hi_varinst} keeps
 *       every variable's last value, which is what history shows of a variable; the form's values
 *       are in the platform's own tables ({@code upr_submission_section} ...) and the audit trail;
 *   <li>the history of a task's assignee and owner links ({@code act_hi_identitylink} of type
 *       assignee or owner): who held a task is in the task's history ({@code act_hi_taskinst}) and
 *       every claim, give-back, assignment and delegation in the audit trail ({@code upr_audit});
 *       the candidate links, which decide who may see a finished task, are kept;
 *   <li>the history of a multi-instance's counters ({@code nrOfInstances}, {@code
 *       nrOfActiveInstances}, {@code nrOfCompletedInstances}, {@code loopCounter}), the engine's
 *       own bookkeeping, which no model of the platform reads, written and read again at every
 *       completion of an agency's section;
 *   <li>the read of a task's or activity's start time before an update that does not end it (a
 *       claim): the update writes no start time or duration; an update that ends it still reads the
 *       start time for the duration.
 * </ul>
 *
 * The process instances, activity instances, tasks, variables (last values), candidate links,
 * comments, attachments, incidents and job log stay as Camunda writes them. See docs/security.md
 * and docs/operations.md.
 */
@Component
class CamundaHistoryTrim extends AbstractProcessEnginePlugin {

  /** The variables the engine keeps on a multi-instance body and its inner executions. */
  static final Set<String> MULTI_INSTANCE_COUNTERS =
      Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

  /** The identity links whose history is left out: the task's holder and owner. */
  static final Set<String> HOLDER_LINKS = Set.of(IdentityLinkType.ASSIGNEE, IdentityLinkType.OWNER);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new TrimmedDbHistory());
  }

  /** Camunda's database history handler, writing only what the class comment keeps. */
  static final class TrimmedDbHistory extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricIdentityLinkLogEventEntity link
          && HOLDER_LINKS.contains(link.getType())) {
        return;
      }
      if (event instanceof HistoricVariableUpdateEventEntity variable
          && MULTI_INSTANCE_COUNTERS.contains(variable.getVariableName())) {
        return;
      }
      super.handleEvent(event);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }

    @Override
    protected void insertOrUpdate(HistoryEvent event) {
      if (isUpdateNotEnding(event)) {
        // Camunda reads the start time back first (for the duration), which this update does not
        // write: the task's or activity's UPDATE sets its start and end columns only when it ends
        getDbEntityManager().merge(event);
        return;
      }
      super.insertOrUpdate(event);
    }

    private boolean isUpdateNotEnding(HistoryEvent event) {
      return (event instanceof HistoricTaskInstanceEventEntity
              || event instanceof HistoricActivityInstanceEventEntity)
          && event.getId() != null
          && !isInitialEvent(event)
          && ((HistoricScopeInstanceEvent) event).getEndTime() == null
          && getDbEntityManager().getCachedEntity(event.getClass(), event.getId()) == null;
    }
  }
}
