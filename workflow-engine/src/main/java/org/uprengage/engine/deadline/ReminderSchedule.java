package org.uprengage.engine.deadline;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How many days before a deadline people are reminded ({@code upr.reminders.days-before}). */
@ConfigurationProperties("upr.reminders")
public record ReminderSchedule(List<Integer> daysBefore) {

  public ReminderSchedule {
    daysBefore =
        daysBefore == null || daysBefore.isEmpty() ? List.of(14, 7, 1) : List.copyOf(daysBefore);
    if (daysBefore.stream().anyMatch(days -> days == null || days < 1)) {
      throw new IllegalArgumentException(
          "upr.reminders.days-before must list whole days of 1 or more");
    }
  }
}
