package org.uprengage.engine.incident;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code upr.incidents.open}: the engine's open incidents (a job whose retries ran out,
 * for one), each once. The engine opens an incident again on each calling process's execution (a
 * stage's failure shows in the review that calls the stage too); those copies name the incident
 * they repeat as their root cause and are not counted. Any value above zero needs an operator (see
 * docs/operations.md).
 */
@Component
class OpenIncidents {

  OpenIncidents(ManagementService management, JdbcTemplate jdbc, MeterRegistry meters) {
    String count =
        "SELECT count(*) FROM "
            + management.getTableName(IncidentEntity.class)
            + " WHERE root_cause_incident_id_ IS NULL OR root_cause_incident_id_ = id_";
    Gauge.builder("upr.incidents.open", jdbc, db -> db.queryForObject(count, Long.class))
        .description("Open incidents of the process engine, such as jobs whose retries ran out")
        .register(meters);
  }
}
