package org.uprengage.notification.webhook;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.notification.security.Callers;
import org.uprengage.notification.web.Problems;

/** Webhook subscriptions: create, list, read, delete, enable again, and their deliveries. */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

  static final int MAX_PAGE_SIZE = 100;

  private final Webhooks webhooks;
  private final Callers callers;

  WebhookController(Webhooks webhooks, Callers callers) {
    this.webhooks = webhooks;
    this.callers = callers;
  }

  @PostMapping
  ResponseEntity<Subscription> create(
      @AuthenticationPrincipal Jwt token, @RequestBody NewSubscription request) {
    Subscription created = webhooks.subscribe(callers.of(token), request);
    return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).body(created);
  }

  @GetMapping
  List<Subscription> list(@AuthenticationPrincipal Jwt token) {
    return webhooks.visibleTo(callers.of(token));
  }

  @GetMapping("/{id}")
  Subscription get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return webhooks.get(callers.of(token), id).orElseThrow(() -> notFound(id));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    if (!webhooks.delete(callers.of(token), id)) {
      throw notFound(id);
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/enable")
  Subscription enable(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return webhooks.enable(callers.of(token), id).orElseThrow(() -> notFound(id));
  }

  @GetMapping("/{id}/deliveries")
  List<Delivery> deliveries(
      @AuthenticationPrincipal Jwt token,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (page < 0) {
      throw Problems.invalid("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw Problems.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    webhooks.get(callers.of(token), id).orElseThrow(() -> notFound(id));
    return webhooks.deliveries(id, page, size);
  }

  private static ErrorResponseException notFound(UUID id) {
    return Problems.notFound(
        "Webhook subscription not found", "You manage no webhook subscription " + id + ".");
  }
}
