package org.uprengage.engine.deadline;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the follow-up's dates fall ({@code upr.follow-up}): the voluntary mid-term report's timer
 * fires {@code midTermReportMonths} after the review (DOMAIN.md: 24-30 months, about 2.5 years),
 * and the coordinator then has {@code midTermReportDays} to support it.
 */
@ConfigurationProperties("upr.follow-up")
public record FollowUpSchedule(Integer midTermReportMonths, Integer midTermReportDays) {

  public FollowUpSchedule {
    midTermReportMonths = midTermReportMonths == null ? 30 : midTermReportMonths;
    midTermReportDays = midTermReportDays == null ? 90 : midTermReportDays;
    if (midTermReportMonths < 1 || midTermReportMonths > 60) {
      throw new IllegalArgumentException(
          "upr.follow-up.mid-term-report-months must be between 1 and 60");
    }
    if (midTermReportDays < 1 || midTermReportDays > 365) {
      throw new IllegalArgumentException(
          "upr.follow-up.mid-term-report-days must be between 1 and 365");
    }
  }
}
