package org.uprengage.webapi.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.backend.Relayed;

/** Webhook subscriptions of country teams and agencies, relayed to notification-service. */
@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "Webhooks")
class WebhookController {

  private final Backend notifications;

  WebhookController(@Qualifier("notifications") Backend notifications) {
    this.notifications = notifications;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Subscribe a URL to event kinds of a country team or an agency",
      description =
          "Coordinators subscribe for their country team (agency left out) or one of its agencies; heads of office and focal points for their own agency; admins for any. The answer carries the signing secret, shown only this once. Only http(s) URLs; loopback and private addresses are refused outside the quick start.")
  ResponseEntity<Subscription> create(
      @RequestBody
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = NewSubscription.class)))
          Map<String, Object> body) {
    Subscription created = notifications.post("/api/webhooks", body, Subscription.class);
    return Relayed.created(created, created.id());
  }

  @GetMapping
  @Operation(summary = "The webhook subscriptions you manage")
  List<Subscription> list() {
    return notifications.get(
        "/api/webhooks", new ParameterizedTypeReference<List<Subscription>>() {});
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "One subscription, with its status",
      description = "A disabled subscription says why in disabledReason.")
  Subscription get(@PathVariable UUID id) {
    return notifications.get("/api/webhooks/{id}", Subscription.class, id);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a subscription; nothing more is delivered to it")
  void delete(@PathVariable UUID id) {
    notifications.delete("/api/webhooks/{id}", id);
  }

  @PostMapping("/{id}/enable")
  @Operation(
      summary = "Turn a disabled subscription back on",
      description = "Its failure count starts again and its pending deliveries are tried at once.")
  Subscription enable(@PathVariable UUID id) {
    return notifications.post("/api/webhooks/{id}/enable", null, Subscription.class, id);
  }

  @GetMapping("/{id}/deliveries")
  @Operation(summary = "A subscription's deliveries, newest first, with each one's attempts")
  List<Delivery> deliveries(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return notifications.get(
        "/api/webhooks/{id}/deliveries?page={page}&size={size}",
        new ParameterizedTypeReference<List<Delivery>>() {},
        id,
        page,
        size);
  }

  /** What to subscribe. */
  record NewSubscription(
      @Schema(description = "Country team; yours where you belong to one", example = "GHA")
          String countryTeam,
      @Schema(
              description =
                  "Only this agency's events (its tasks and deadlines, approvals and send-backs about it, recommendations assigned to it, and review.started and review.submission-submitted of its country team's reviews); left out for the whole country team")
          String agency,
      @Schema(
              description = "Where to POST each event (http or https)",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String url,
      @Schema(
              description =
                  "Event kinds: task.created, task.claimed, task.assigned, task.unclaimed, task.completed, task.cancelled, deadline.changed, deadline.approaching, deadline.missed, review.started, review.submission-approved, review.submission-sent-back, review.submission-submitted, review.recommendations-assigned",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<String> eventKinds) {}

  /** A subscription; secret only in the answer to its creation. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Subscription(
      UUID id,
      String countryTeam,
      String agency,
      @Schema(
              description =
                  "The URL; to anyone but its creator only scheme://host:port/... (its path and query may carry a credential)")
          String url,
      List<String> eventKinds,
      @Schema(description = "active or disabled") String status,
      String disabledReason,
      Instant disabledAt,
      int consecutiveFailures,
      String owner,
      Instant createdAt,
      @Schema(description = "The signing secret, shown once") String secret) {}

  /** One event posted (or to be posted) to a subscription. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Delivery(
      UUID id,
      String eventId,
      String eventType,
      @Schema(description = "pending, delivered or failed") String status,
      int attempts,
      Integer lastStatusCode,
      String lastError,
      Instant createdAt,
      Instant nextAttemptAt,
      Instant deliveredAt) {}
}
