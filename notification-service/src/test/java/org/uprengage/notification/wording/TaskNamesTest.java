package org.uprengage.notification.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.uprengage.testsupport.BpmnUserTasks;

/**
 * Every user task of the BPMN models (read from the bpmn module) has its name in each language of
 * the notifications ({@code task.name.<id>}), and a wording renders task names, times and days for
 * its reader, the same after a trip through JSON.
 */
class TaskNamesTest {

  @Test
  void everyUserTaskOfTheModelsIsNamedInEachLanguage() {
    assertThat(BpmnUserTasks.unnamed("/messages", "task.name."))
        .as("user tasks without task.name.<id>, by message file")
        .isEmpty();
  }

  @Test
  void aWordingNamesTasksAndTellsTimesInTheReadersLanguageAndZone() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    Instant due = Instant.parse("2027-06-02T23:59:00Z");
    Wording wording =
        Wording.fromJson(
            new Wording(
                    "deadline.approaching",
                    List.of(7L, Wording.taskName("UserTask_DraftAgencySection", "Draft")),
                    List.of("agencyDraftsDue", "GHA", due))
                .toJson());

    assertThat(wording.title(messages, Locale.FRENCH, ZoneId.of("UTC")))
        .isEqualTo("Échéance dans 7 jours : Rédiger la section de l'agence");
    assertThat(wording.body(messages, Locale.ENGLISH, ZoneId.of("America/New_York")))
        .isEqualTo(
            "The agencyDraftsDue deadline of the review of GHA is June 2, 2027 at 19:59 (America/New_York).");
    assertThat(wording.body(messages, Locale.forLanguageTag("es"), ZoneId.of("Asia/Tokyo")))
        .contains("3 de junio de 2027 a las 08:59 (Asia/Tokyo)");
    assertThat(
            Wording.of(
                    "deadline.changed",
                    new Object[] {"clearance", LocalDate.of(2027, 7, 1)},
                    new Object[] {})
                .title(messages, Locale.FRENCH, ZoneId.of("UTC")))
        .isEqualTo("Échéance déplacée : clearance, désormais le 1 juillet 2027");
    assertThat(
            Wording.of(
                    "task.assigned",
                    new Object[] {Wording.taskName("UserTask_New", "Someone's new task")},
                    new Object[] {})
                .title(messages, Locale.FRENCH, ZoneId.of("UTC")))
        .as("a task the translations do not know yet keeps its model's name")
        .isEqualTo("Tâche qui vous est attribuée : Someone's new task");
  }
}
