package org.uprengage.engine.session;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * The fallback rules for dates OHCHR has not published (DOMAIN.md): used only where no official
 * date is known, and always reported as computed.
 */
public final class DeadlineRules {

  /** HRC 58 opened in February 2025; the Council holds three regular sessions a year. */
  private static final int HRC_REFERENCE_SESSION = 58;

  private static final int HRC_REFERENCE_YEAR = 2025;

  private DeadlineRules() {}

  /** The UPR cycle of a WG session: 1-12, 13-26, 27-40, 41-54, then 14 sessions a cycle. */
  public static int cycleOf(int session) {
    return session <= 12 ? 1 : 2 + (session - 13) / 14;
  }

  /** Stakeholder (and UN-entity) submissions: about 7 months before the session opens. */
  public static LocalDate stakeholderSubmission(LocalDate sessionStart) {
    return sessionStart.minusMonths(7);
  }

  /** The national report: 12 weeks before the session opens, on a Monday. */
  public static LocalDate nationalReport(LocalDate sessionStart) {
    return sessionStart.minusWeeks(12).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /**
   * The HRC regular session that adopts the outcomes of a WG session: Jan/Feb WG -> June, Apr/May
   * -> September, Oct/Nov -> March of the next year.
   */
  public static int hrcSessionAdopting(LocalDate sessionStart) {
    int year = sessionStart.getYear();
    Month month = sessionStart.getMonth();
    int offset;
    if (month.getValue() <= 3) {
      offset = 1; // June of the same year
    } else if (month.getValue() <= 7) {
      offset = 2; // September of the same year
    } else {
      offset = 3; // March of the next year
    }
    return HRC_REFERENCE_SESSION + 3 * (year - HRC_REFERENCE_YEAR) + offset;
  }

  /**
   * The usual opening day of an HRC regular session: the last Monday of February (the March
   * session), the third Monday of June, the second Monday of September.
   */
  public static LocalDate hrcSessionOpening(int hrcSession) {
    int index = hrcSession - HRC_REFERENCE_SESSION;
    int year = HRC_REFERENCE_YEAR + Math.floorDiv(index, 3);
    return switch (Math.floorMod(index, 3)) {
      case 0 -> LocalDate.of(year, 2, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
      case 1 ->
          LocalDate.of(year, 6, 1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.MONDAY));
      default ->
          LocalDate.of(year, 9, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY));
    };
  }

  /**
   * The usual closing day of an HRC regular session: the March session runs about six weeks (to the
   * Friday of its sixth week), the June one about four (the Friday of its fourth), the September
   * one about five (2023-2025: 4 Apr, 5 Apr, 4 Apr; 14 Jul, 9 Jul; 13 Oct, 11 Oct).
   */
  public static LocalDate hrcSessionClosing(int hrcSession, LocalDate opensOn) {
    int weeks =
        switch (Math.floorMod(hrcSession - HRC_REFERENCE_SESSION, 3)) {
          case 0 -> 5;
          case 1 -> 3;
          default -> 4;
        };
    return opensOn.plusWeeks(weeks).plusDays(4);
  }

  /** The final addendum deadline: about two weeks before the adopting HRC session opens. */
  public static LocalDate addendumFinal(LocalDate hrcSessionOpens) {
    return hrcSessionOpens.minusWeeks(2);
  }

  /**
   * The early addendum deadline: 9 weeks before the final one (published pairs fall 52 to 63 days
   * apart: 12 Dec 2022 / 13 Feb 2023 for WG 41, 3 Apr / 5 Jun 2023 for WG 42).
   */
  public static LocalDate addendumEarly(LocalDate addendumFinal) {
    return addendumFinal.minusWeeks(9);
  }

  /**
   * The HRC adopts a UPR outcome under item 6, in the last weeks of its session: planned one week
   * before the session closes, never before it opens.
   */
  public static LocalDate hrcAdoption(LocalDate opensOn, LocalDate closesOn) {
    LocalDate planned = closesOn.minusWeeks(1);
    return planned.isBefore(opensOn) ? opensOn : planned;
  }

  /**
   * The tentative opening of the WG session one cycle (14 sessions) after the one opening on {@code
   * previousStart}: with three sessions a year, 14 sessions on is the same slot four years later
   * plus two slots, so a January session's successor meets in November four years later, a May
   * one's in January five years later, a November one's in May five years later; always in a month
   * the WG meets (January, May, November), never in July.
   */
  public static LocalDate nextCycleSessionStart(LocalDate previousStart) {
    int month = previousStart.getMonthValue();
    int year = previousStart.getYear();
    if (month <= 3) {
      return LocalDate.of(year + 4, 11, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    }
    if (month <= 7) {
      return LocalDate.of(year + 5, 1, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
    }
    return LocalDate.of(year + 5, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
  }

  /**
   * The day the WG adopts a State's report: two working days after its review day (HRC resolution
   * 5/1 asks for at least 48 hours between the dialogue and the adoption).
   */
  public static LocalDate wgReportAdoption(LocalDate reviewDay) {
    return workingDays(reviewDay, 2);
  }

  /**
   * The State's review day while OHCHR's timetable is not known: the latest day whose report can
   * still be adopted in the session, two working days before it closes.
   */
  public static LocalDate reviewDay(LocalDate sessionEndsOn) {
    return workingDays(sessionEndsOn, -2);
  }

  /** {@code days} working days (Monday to Friday) after, or with a negative count before, a day. */
  static LocalDate workingDays(LocalDate from, int days) {
    LocalDate day = from;
    int step = days < 0 ? -1 : 1;
    for (int left = Math.abs(days); left > 0; ) {
      day = day.plusDays(step);
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return day;
  }
}
