package org.uprengage.notification.preference;

import java.util.Map;

/**
 * A person's notification preferences: their IANA time zone, quiet hours (none where null), each
 * kind's channels, and (read only) the local time of the daily digest.
 */
public record NotificationPreferences(
    String timeZone, QuietHours quietHours, Map<String, KindPreference> kinds, String digestTime) {}
