package org.uprengage.engine.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The W3C {@code traceparent} of the span current on this thread (the request's, continued from
 * web-api's), as the outbox keeps it with an event; none where tracing is off or no span is
 * current.
 */
@Component
class TraceContext {

  static final String TRACEPARENT = "traceparent";

  private final ObjectProvider<Tracer> tracer;
  private final ObjectProvider<Propagator> propagator;

  TraceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  String currentTraceparent() {
    Tracer current = tracer.getIfAvailable();
    Propagator propagation = propagator.getIfAvailable();
    Span span = current == null ? null : current.currentSpan();
    if (span == null || propagation == null) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    propagation.inject(span.context(), carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }
}
