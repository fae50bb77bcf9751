package org.uprengage.engine.incident;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code upr.incidents.open}: the engine's open incidents (a job whose retries ran out,
 * for one). Any value above zero needs an operator (see docs/operations.md).
 */
@Component
class OpenIncidents {

  OpenIncidents(RuntimeService runtime, MeterRegistry meters) {
    Gauge.builder("upr.incidents.open", runtime, engine -> engine.createIncidentQuery().count())
        .description("Open incidents of the process engine, such as jobs whose retries ran out")
        .register(meters);
  }
}
