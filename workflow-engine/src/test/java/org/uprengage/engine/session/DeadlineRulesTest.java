package org.uprengage.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeadlineRulesTest {

  @Test
  void cyclesFollowTheSessionNumbers() {
    assertThat(DeadlineRules.cycleOf(1)).isEqualTo(1);
    assertThat(DeadlineRules.cycleOf(12)).isEqualTo(1);
    assertThat(DeadlineRules.cycleOf(13)).isEqualTo(2);
    assertThat(DeadlineRules.cycleOf(26)).isEqualTo(2);
    assertThat(DeadlineRules.cycleOf(27)).isEqualTo(3);
    assertThat(DeadlineRules.cycleOf(41)).isEqualTo(4);
    assertThat(DeadlineRules.cycleOf(54)).isEqualTo(4);
    assertThat(DeadlineRules.cycleOf(55)).isEqualTo(5);
  }

  @Test
  void theAdoptingHrcSessionMatchesTheCouncilsCalendar() {
    assertThat(DeadlineRules.hrcSessionAdopting(LocalDate.of(2022, 11, 7)))
        .as("WG 41 -> HRC 52, March 2023")
        .isEqualTo(52);
    assertThat(DeadlineRules.hrcSessionAdopting(LocalDate.of(2023, 1, 23)))
        .as("WG 42 -> HRC 53, June 2023")
        .isEqualTo(53);
    assertThat(DeadlineRules.hrcSessionAdopting(LocalDate.of(2025, 1, 20)))
        .as("WG 48 -> HRC 59, June 2025")
        .isEqualTo(59);
    assertThat(DeadlineRules.hrcSessionAdopting(LocalDate.of(2025, 5, 5)))
        .as("Apr/May -> September")
        .isEqualTo(60);
  }

  @Test
  void hrcSessionsOpenOnTheirUsualMondays() {
    assertThat(DeadlineRules.hrcSessionOpening(52)).isEqualTo(LocalDate.of(2023, 2, 27));
    assertThat(DeadlineRules.hrcSessionOpening(53)).isEqualTo(LocalDate.of(2023, 6, 19));
    assertThat(DeadlineRules.hrcSessionOpening(60)).isEqualTo(LocalDate.of(2025, 9, 8));
    assertThat(DeadlineRules.addendumFinal(DeadlineRules.hrcSessionOpening(53)))
        .as("published for WG 42: 5 June 2023")
        .isEqualTo(LocalDate.of(2023, 6, 5));
  }

  @Test
  void submissionDeadlinesFallBeforeTheSessionAsObserved() {
    LocalDate session41 = LocalDate.of(2022, 11, 7);
    assertThat(DeadlineRules.stakeholderSubmission(session41))
        .isEqualTo(LocalDate.of(2022, 4, 7)); // official: 31 Mar 2022
    LocalDate report = DeadlineRules.nationalReport(session41);
    assertThat(report.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(report).isEqualTo(LocalDate.of(2022, 8, 15)); // official: 8 Aug 2022
    assertThat(DeadlineRules.nationalReport(LocalDate.of(2027, 5, 5)))
        .isEqualTo(LocalDate.of(2027, 2, 8));
  }
}
