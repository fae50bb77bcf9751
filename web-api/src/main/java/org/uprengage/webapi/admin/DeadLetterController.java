package org.uprengage.webapi.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

/** The events parked on the dead-letter topics, for platform admins: listed, and replayed. */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Operations")
class DeadLetterController {

  private static final String TOPIC = "[a-z0-9._-]{1,100}";
  private static final String TOPIC_MESSAGE =
      "must be the name of an event topic, such as upr.tasks.v1";

  private final Backend notifications;

  DeadLetterController(@Qualifier("notifications") Backend notifications) {
    this.notifications = notifications;
  }

  @GetMapping
  @Operation(
      summary = "What is parked on the dead-letter topics, newest first (platform admins)",
      description =
          "An event notification-service could not read, or that failed three times for a reason of its own, is parked on <topic>.dlt with the reason. state: parked (the default), replayed or all; topic: the topic it came from (upr.tasks.v1, upr.deadlines.v1, upr.reviews.v1, upr.people.v1). At most 200.")
  List<DeadLetter> list(
      @RequestParam(required = false) @Pattern(regexp = TOPIC, message = TOPIC_MESSAGE)
          String topic,
      @RequestParam(defaultValue = "parked")
          @Pattern(regexp = "parked|replayed|all", message = "must be parked, replayed or all")
          String state) {
    ParameterizedTypeReference<List<DeadLetter>> list = new ParameterizedTypeReference<>() {};
    return topic == null
        ? notifications.get("/api/admin/dead-letters?state={state}", list, state)
        : notifications.get(
            "/api/admin/dead-letters?topic={topic}&state={state}", list, topic, state);
  }

  @PostMapping("/{id}/replay")
  @Operation(
      summary = "Replay one dead letter onto its topic, once the cause is fixed (platform admins)",
      description =
          "Sent again with its key, value and headers (the same event id: an event processed meanwhile notifies nobody twice), and marked replayed once the broker acknowledged it. Should it fail again, it is parked again as a new dead letter. 404 for none, 409 for one replayed already, 503 where the broker did not acknowledge it.")
  DeadLetter replay(@PathVariable UUID id) {
    return notifications.post("/api/admin/dead-letters/{id}/replay", null, DeadLetter.class, id);
  }

  @PostMapping("/replay")
  @Operation(
      summary = "Replay every parked dead letter, of one topic or all (platform admins)",
      description =
          "Oldest first, at most 1000 a call; the answer says how many were sent and how many remain parked.")
  Replayed replayAll(
      @RequestParam(required = false) @Pattern(regexp = TOPIC, message = TOPIC_MESSAGE)
          String topic) {
    return topic == null
        ? notifications.post("/api/admin/dead-letters/replay", null, Replayed.class)
        : notifications.post(
            "/api/admin/dead-letters/replay?topic={topic}", null, Replayed.class, topic);
  }

  /** An event parked on a dead-letter topic. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record DeadLetter(
      UUID id,
      @Schema(example = "upr.tasks.v1", description = "the topic it came from") String topic,
      @Schema(description = "the record's key: the review id, or the user name of a person's event")
          String key,
      @Schema(description = "its CloudEvents id, where it had one") String eventId,
      @Schema(example = "org.uprengage.task.created.v1") String eventType,
      @Schema(description = "why it was parked") String reason,
      @Schema(description = "the exception's class") String exception,
      @Schema(description = "the record's value, cut at 4000 characters") String value,
      Instant parkedAt,
      Instant replayedAt,
      String replayedBy) {}

  /** What a replay of every parked dead letter did. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Replayed(int replayed, int remaining) {}
}
