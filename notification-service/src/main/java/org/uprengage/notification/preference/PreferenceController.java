package org.uprengage.notification.preference;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.notification.security.Callers;

/** The caller's own notification preferences. */
@RestController
@RequestMapping("/api/me/notification-preferences")
class PreferenceController {

  private final Preferences preferences;
  private final Callers callers;

  PreferenceController(Preferences preferences, Callers callers) {
    this.preferences = preferences;
    this.callers = callers;
  }

  @GetMapping
  NotificationPreferences mine(@AuthenticationPrincipal Jwt token) {
    return preferences.of(callers.of(token).username());
  }

  @PutMapping
  NotificationPreferences replace(
      @AuthenticationPrincipal Jwt token, @RequestBody NotificationPreferences request) {
    return preferences.save(callers.of(token).username(), request);
  }
}
