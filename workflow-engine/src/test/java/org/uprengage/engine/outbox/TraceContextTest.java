package org.uprengage.engine.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.testsupport.KafkaRecords;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * The trace of a request travels with the events it caused: the outbox keeps the request's W3C
 * trace context with each event, and the relay sends it as the CloudEvent's {@code traceparent}
 * (header {@code ce_traceparent}), in the same trace as the request web-api made.
 */
class TraceContextTest extends EngineIntegrationTest {

  @Test
  void theEventsOfARequestCarryItsTraceToKafka() throws Exception {
    String traceId = HexFormat.of().formatHex(randomBytes(16));
    String callerSpan = HexFormat.of().formatHex(randomBytes(8));
    String team = newCountryTeam();

    String body =
        mvc.perform(
                post("/api/reviews")
                    .with(coordinator(team))
                    .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"country\":\"" + team + "\",\"session\":41}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String reviewId = JsonPath.read(body, "$.id");

    List<String> kept =
        jdbc.queryForList(
            "SELECT traceparent FROM upr_event_outbox WHERE record_key = ?",
            String.class,
            reviewId);
    assertThat(kept)
        .isNotEmpty()
        .allSatisfy(
            traceparent ->
                assertThat(traceparent)
                    .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .doesNotContain(callerSpan));
    List<ConsumerRecord<String, String>> published =
        KafkaRecords.withKey(
            TestInfrastructure.topic("upr.reviews.v1"), reviewId, 1, Duration.ofSeconds(20));
    assertThat(published).isNotEmpty();
    assertThat(KafkaRecords.header(published.get(0), "ce_traceparent"))
        .startsWith("00-" + traceId + "-");
  }

  @Test
  void anUnsampledTraceTravelsToo() throws Exception {
    String traceId = HexFormat.of().formatHex(randomBytes(16));
    String callerSpan = HexFormat.of().formatHex(randomBytes(8));
    String team = newCountryTeam();

    String traced = startReview(team, "00-" + traceId + "-" + callerSpan + "-00");
    String untraced = startReview(newCountryTeam(), null);

    assertThat(keptTraceparents(traced))
        .isNotEmpty()
        .allSatisfy(
            traceparent ->
                assertThat(traceparent)
                    .as("the caller's trace, not sampled, as the caller decided")
                    .matches("00-" + traceId + "-[0-9a-f]{16}-00"));
    assertThat(keptTraceparents(untraced))
        .isNotEmpty()
        .allSatisfy(
            traceparent ->
                assertThat(traceparent)
                    .as("a trace of the engine's own (UPR_TRACING_SAMPLING 1.0 by default)")
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                    .doesNotContain(traceId));
  }

  private String startReview(String team, String traceparent) throws Exception {
    var request =
        post("/api/reviews")
            .with(coordinator(team))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"country\":\"" + team + "\",\"session\":41}");
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    String body =
        mvc.perform(request)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.id");
  }

  private List<String> keptTraceparents(String reviewId) {
    return jdbc.queryForList(
        "SELECT traceparent FROM upr_event_outbox WHERE record_key = ?", String.class, reviewId);
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    ThreadLocalRandom.current().nextBytes(bytes);
    bytes[0] |= 1; // never all zeros, which W3C reads as no trace
    return bytes;
  }
}
