package org.uprengage.webapi.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

/** The caller's in-app inbox, relayed from notification-service. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications")
class NotificationController {

  private final Backend notifications;

  NotificationController(@Qualifier("notifications") Backend notifications) {
    this.notifications = notifications;
  }

  @GetMapping
  @Operation(
      summary = "Your in-app notifications",
      description = "Unread first, then newest first, in pages of at most 100.")
  NotificationPage mine(
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return notifications.get(
        "/api/notifications?page={page}&size={size}", NotificationPage.class, page, size);
  }

  @PostMapping("/read-all")
  @Operation(
      summary = "Mark all your notifications read",
      description = "Answers how many were unread.")
  ReadAll markAllRead() {
    return notifications.post("/api/notifications/read-all", null, ReadAll.class);
  }

  @PostMapping("/{id}/read")
  @Operation(summary = "Mark one of your notifications read")
  Notification markRead(@PathVariable UUID id) {
    return notifications.post("/api/notifications/{id}/read", null, Notification.class, id);
  }

  /** One message in the inbox. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Notification(
      UUID id,
      String kind,
      String title,
      String body,
      UUID reviewId,
      String taskId,
      Instant occurredAt,
      Instant createdAt,
      Instant readAt) {}

  /** A bounded page of the inbox. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record NotificationPage(List<Notification> items, int page, int size, long total, long unread) {}

  /** How many notifications were marked read. */
  record ReadAll(int marked) {}
}
