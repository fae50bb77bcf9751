package org.uprengage.notification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.uprengage.notification.NotificationIntegrationTest;

/**
 * An event is handled in the trace it carries ({@code ce_traceparent}, the CloudEvents distributed
 * tracing extension): the log lines of handling it carry the trace id of the request that caused
 * it; an event without one is handled in a trace of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class EventTraceTest extends NotificationIntegrationTest {

  @Test
  void anEventIsHandledInTheTraceOfTheRequestThatCausedIt(CapturedOutput output) {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    bytes[0] |= 1;
    String traceId = HexFormat.of().formatHex(bytes);
    ProducerRecord<String, String> traced =
        taskCreated(UUID.randomUUID(), UUID.randomUUID().toString(), List.of("UNDP"));
    traced
        .headers()
        .add(
            "ce_traceparent",
            ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
    String eventId =
        new String(traced.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    ProducerRecord<String, String> untraced =
        taskCreated(UUID.randomUUID(), UUID.randomUUID().toString(), List.of("UNDP"));
    String untracedId =
        new String(untraced.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);

    kafka.send(traced);
    kafka.send(untraced);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(output.getOut().lines().filter(line -> line.contains(eventId)))
                    .anySatisfy(line -> assertThat(line).contains("[" + traceId + ",")));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(output.getOut().lines().filter(line -> line.contains(untracedId)))
                    .isNotEmpty()
                    .allSatisfy(
                        line ->
                            assertThat(line)
                                .doesNotContain(traceId)
                                .matches(".*\\[[0-9a-f]{32},.*")));
  }
}
