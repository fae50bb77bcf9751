package org.uprengage.webapi.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.uprengage.testsupport.BpmnUserTasks;

/**
 * Every user task of the BPMN models (read from the bpmn module) has its name in each of the pages'
 * languages, and a name is looked up by task definition key, else the model's name.
 */
class TaskNamesTest {

  @Test
  void everyUserTaskOfTheModelsIsNamedInEachLanguage() {
    assertThat(BpmnUserTasks.unnamed("/pages/messages", "page.task."))
        .as("user tasks without page.task.<id>, by message file")
        .isEmpty();
  }

  @Test
  void theStepsAndTasksNamedInEnglishAreNamedInFrenchAndSpanish() throws Exception {
    Properties english = messages("");
    for (String suffix : new String[] {"_fr", "_es"}) {
      Properties words = messages(suffix);
      english.stringPropertyNames().stream()
          .filter(key -> key.startsWith("page.task.") || key.startsWith("page.step."))
          .forEach(key -> assertThat(words).as("messages%s", suffix).containsKey(key));
    }
  }

  @Test
  void aNameIsLookedUpByKeyInThePagesLanguageElseTheModelsNameIsKept() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("pages/messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    source.setAlwaysUseMessageFormat(true);
    TaskNames names = new TaskNames(source);
    try {
      LocaleContextHolder.setLocale(Locale.FRENCH);
      assertThat(names.task("UserTask_DraftAgencySection", "Draft the agency section"))
          .isEqualTo("Rédiger la section de l'agence");
      assertThat(names.step("agency-drafting")).isEqualTo("Rédaction des sections par les agences");
      assertThat(names.task("UserTask_Unknown", "Someone's new task"))
          .isEqualTo("Someone's new task");
      assertThat(names.task(null, "No key")).isEqualTo("No key");
      assertThat(names.step("a-new-step")).isEqualTo("a-new-step");
      LocaleContextHolder.setLocale(Locale.ENGLISH);
      assertThat(names.task("UserTask_ShareAdvanceQuestions", "?"))
          .isEqualTo("Share advance questions' topics");
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
  }

  private static Properties messages(String suffix) {
    return BpmnUserTasks.messages("/pages/messages" + suffix + ".properties");
  }
}
