package org.uprengage.engine.incident;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.uprengage.engine.outbox.EventOutbox;

/**
 * Puts {@link ReviewIncidents} in place of the engine's own handler of failed jobs, and registers
 * one for each {@link RetryableIncidentType} of the platform.
 */
@Component
class IncidentPlugin extends AbstractProcessEnginePlugin {

  private final EventOutbox outbox;
  private final JdbcTemplate jdbc;

  private final List<String> customTypes;

  IncidentPlugin(
      @Lazy EventOutbox outbox, JdbcTemplate jdbc, List<RetryableIncidentType> customTypes) {
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.customTypes = customTypes.stream().map(RetryableIncidentType::type).toList();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<IncidentHandler> handlers = new ArrayList<>();
    if (configuration.getCustomIncidentHandlers() != null) {
      handlers.addAll(configuration.getCustomIncidentHandlers());
    }
    handlers.add(new ReviewIncidents(Incident.FAILED_JOB_HANDLER_TYPE, outbox, jdbc));
    customTypes.forEach(type -> handlers.add(new ReviewIncidents(type, outbox, jdbc)));
    configuration.setCustomIncidentHandlers(handlers);
  }
}
