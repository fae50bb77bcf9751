package org.uprengage.engine.incident;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.uprengage.engine.outbox.EventOutbox;

/** Puts {@link FailedJobIncidents} in place of the engine's own handler of failed jobs. */
@Component
class IncidentPlugin extends AbstractProcessEnginePlugin {

  private final EventOutbox outbox;
  private final JdbcTemplate jdbc;

  IncidentPlugin(@Lazy EventOutbox outbox, JdbcTemplate jdbc) {
    this.outbox = outbox;
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<IncidentHandler> handlers = new ArrayList<>();
    if (configuration.getCustomIncidentHandlers() != null) {
      handlers.addAll(configuration.getCustomIncidentHandlers());
    }
    handlers.add(new FailedJobIncidents(outbox, jdbc));
    configuration.setCustomIncidentHandlers(handlers);
  }
}
