package org.uprengage.webapi.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

/** The caller's notification preferences, relayed to notification-service. */
@RestController
@RequestMapping("/api/me/notification-preferences")
@Tag(name = "Notifications")
class PreferenceController {

  private final Backend notifications;

  PreferenceController(@Qualifier("notifications") Backend notifications) {
    this.notifications = notifications;
  }

  @GetMapping
  @Operation(
      summary = "Your notification preferences",
      description =
          "Per kind (task-available, task-assigned, deadline-approaching, deadline-missed, deadline-changed, approval-waiting, review-event, recommendation-assigned): in-app or not, e-mail off, immediate or in the daily digest; quiet hours in your time zone; your language and time zone.")
  Preferences mine() {
    return notifications.get("/api/me/notification-preferences", Preferences.class);
  }

  @PutMapping
  @Operation(
      summary = "Replace your notification preferences",
      description =
          "Kinds left out keep their defaults. Approvals waiting (approval-waiting) and overdue escalations (deadline-missed) cannot be turned off or held. E-mails in quiet hours wait until they end; digest e-mails go out once a day at digestTime, your local time. A language (en, fr or es) or time zone left out follows your directory entry; a bad one is a 400 naming the field.")
  Preferences replace(
      @RequestBody
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = Preferences.class)))
          Map<String, Object> body) {
    return notifications.put("/api/me/notification-preferences", body, Preferences.class);
  }

  /** A person's notification preferences. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Preferences(
      @Schema(
              description =
                  "IANA time zone: the one you chose, else your directory entry's, else the service's default; left out when saving: your directory entry's",
              example = "Africa/Accra")
          String timeZone,
      @Schema(
              description =
                  "The language you chose for notifications, e-mails, digests, calendar feeds and the pages; absent: your directory entry's",
              allowableValues = {"en", "fr", "es"},
              nullable = true,
              example = "fr")
          String language,
      QuietHours quietHours,
      Map<String, KindPreference> kinds,
      @Schema(description = "Local time of the daily digest (read only)", example = "08:00")
          String digestTime) {}

  /** When e-mails wait, local time, HH:mm; may run over midnight. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record QuietHours(
      @Schema(example = "21:00") String start, @Schema(example = "07:00") String end) {}

  /** How one kind of notification reaches you. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record KindPreference(
      Boolean inApp,
      @Schema(description = "off, immediate or digest") String email,
      @Schema(description = "Always delivered at once (read only)") boolean mandatory) {}
}
