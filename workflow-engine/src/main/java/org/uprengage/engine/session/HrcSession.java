package org.uprengage.engine.session;

import java.time.LocalDate;

/**
 * A regular session of the Human Rights Council, which adopts the UPR outcomes under item 6.
 *
 * @param source {@code published} (dates as the Council announced them), {@code planned} (entered
 *     ahead of the announcement) or {@code computed} (not in the calendar: the Council's usual
 *     pattern, {@link DeadlineRules})
 * @param version the entry's version for If-Match; 0 for a computed session
 */
public record HrcSession(
    int number, LocalDate opensOn, LocalDate closesOn, String source, int version) {

  public static final String PUBLISHED = "published";
  public static final String PLANNED = "planned";

  static HrcSession computed(int number) {
    LocalDate opens = DeadlineRules.hrcSessionOpening(number);
    return new HrcSession(
        number, opens, DeadlineRules.hrcSessionClosing(number, opens), SessionView.COMPUTED, 0);
  }

  /** The day the session is planned to adopt a UPR outcome: in its last weeks. */
  public LocalDate adoptionDay() {
    return DeadlineRules.hrcAdoption(opensOn, closesOn);
  }
}
