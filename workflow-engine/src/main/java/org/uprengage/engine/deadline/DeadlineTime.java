package org.uprengage.engine.deadline;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a milestone's day ends ({@code upr.deadlines}): OHCHR's deadlines are Geneva dates, so a
 * task or timer bound to a milestone falls due at {@code dueTime} (default 23:59) of that day in
 * {@code zone} (default {@code Europe/Zurich}, the IANA zone that covers Geneva; the tz database
 * has no {@code Europe/Geneva}).
 */
@ConfigurationProperties("upr.deadlines")
public record DeadlineTime(String zone, String dueTime) {

  public DeadlineTime {
    zone = zone == null || zone.isBlank() ? "Europe/Zurich" : zone;
    dueTime = dueTime == null || dueTime.isBlank() ? "23:59" : dueTime;
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "upr.deadlines.zone must be an IANA time zone such as Europe/Zurich, not " + zone);
    }
    try {
      LocalTime.parse(dueTime);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "upr.deadlines.due-time must be a time of day such as 23:59, not " + dueTime);
    }
  }

  public ZoneId zoneId() {
    return ZoneId.of(zone);
  }

  /** The moment a milestone on {@code day} falls due. */
  public Instant dueAt(LocalDate day) {
    return day.atTime(LocalTime.parse(dueTime)).atZone(zoneId()).toInstant();
  }

  /** {@link #dueAt} as the engine's due dates and timers take it. */
  public Date dueDate(LocalDate day) {
    return Date.from(dueAt(day));
  }

  /** The day, in the deadlines' zone, of an instant. */
  public LocalDate dayOf(Instant instant) {
    return LocalDate.ofInstant(instant, zoneId());
  }
}
