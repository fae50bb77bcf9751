package org.uprengage.engine.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine from writing Camunda's user operation log ({@code act_hi_op_log}): the
 * platform's own audit trail ({@code upr_audit}, {@link AuditedChanges}) records every change asked
 * through the API, with its outcome, in the change's transaction, and nothing reads Camunda's log
 * (neither Cockpit, its admin nor engine-rest is part of the build: docs/security.md). The engine
 * would write one entry (or more) for each task command, because the platform runs its commands as
 * the authenticated caller (the country teams as tenants). Commands without an authenticated user
 * (jobs, timers) wrote none already. See docs/security.md.
 */
@Component
class CamundaOperationLogOff extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        withOperationLogOff(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        withOperationLogOff(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withOperationLogOff(List<CommandInterceptor> others) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (others != null) {
      interceptors.addAll(others);
    }
    interceptors.add(new OperationLogOff());
    return interceptors;
  }

  /** Turns the log off for the command context each command runs in (nested ones share it). */
  private static final class OperationLogOff extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      Context.getCommandContext().disableUserOperationLog();
      return next.execute(command);
    }
  }
}
