package org.uprengage.notification.events;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Handles an event inside a span that continues the trace the event carries: the W3C trace context
 * of the request that caused it, in the CloudEvents distributed tracing extension ({@code
 * ce_traceparent}, {@code ce_tracestate}). So the log lines of handling it, and of the
 * notifications it makes, carry the trace id of that request in web-api and workflow-engine. An
 * event without one starts a trace of its own.
 */
@Component
class EventTrace {

  private static final Logger log = LoggerFactory.getLogger(EventTrace.class);

  private final ObjectProvider<Tracer> tracer;
  private final ObjectProvider<Propagator> propagator;

  EventTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  void handle(ConsumerRecord<String, String> record, Runnable handling) {
    Tracer tracing = tracer.getIfAvailable();
    Propagator propagation = propagator.getIfAvailable();
    if (tracing == null || propagation == null) {
      handling.run();
      return;
    }
    Span span =
        propagation
            .extract(record, EventTrace::cloudEventsHeader)
            .name("event " + record.topic())
            .kind(Span.Kind.CONSUMER)
            .start();
    try (Tracer.SpanInScope scope = tracing.withSpan(span)) {
      log.debug(
          "Handling {} {} from {}",
          cloudEventsHeader(record, "type"),
          cloudEventsHeader(record, "id"),
          record.topic());
      handling.run();
    } catch (RuntimeException e) {
      span.error(e);
      throw e;
    } finally {
      span.end();
    }
  }

  /** A CloudEvents attribute of a record in binary mode: the header {@code ce_<name>}. */
  private static String cloudEventsHeader(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader("ce_" + name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
