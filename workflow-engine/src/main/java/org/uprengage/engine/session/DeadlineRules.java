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

  /** The final addendum deadline: about two weeks before the adopting HRC session opens. */
  public static LocalDate addendumFinal(int hrcSession) {
    return hrcSessionOpening(hrcSession).minusWeeks(2);
  }
}
