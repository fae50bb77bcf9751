package org.uprengage.notification.preference;

import java.util.Map;

/**
 * A person's notification preferences: their IANA time zone (the one they chose, else the
 * directory's, else the service's default), the language they chose for what they are sent (en, fr
 * or es; null: the directory's), quiet hours (none where null), each kind's channels, and (read
 * only) the local time of the daily digest.
 */
public record NotificationPreferences(
    String timeZone,
    String language,
    QuietHours quietHours,
    Map<String, KindPreference> kinds,
    String digestTime) {}
