package org.uprengage.webapi.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every user task of the BPMN models (read from the bpmn module) has its name in each of the pages'
 * languages, and a name is looked up by task definition key, else the model's name.
 */
class TaskNamesTest {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  @Test
  void everyUserTaskOfTheModelsIsNamedInEachLanguage() throws Exception {
    Set<String> userTasks = userTasks();
    assertThat(userTasks).contains("UserTask_DraftAgencySection", "UserTask_SignOffSubmission");
    for (String suffix : new String[] {"", "_fr", "_es"}) {
      Properties words = messages(suffix);
      assertThat(userTasks)
          .as("user tasks without page.task.<id> in messages%s.properties", suffix)
          .allSatisfy(id -> assertThat(words).containsKey("page.task." + id));
    }
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

  private static Set<String> userTasks() throws Exception {
    Resource[] models =
        new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn");
    assertThat(models).isNotEmpty();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Set<String> ids = new TreeSet<>();
    for (Resource model : models) {
      try (InputStream in = model.getInputStream()) {
        NodeList tasks =
            factory.newDocumentBuilder().parse(in).getElementsByTagNameNS(BPMN, "userTask");
        for (int i = 0; i < tasks.getLength(); i++) {
          ids.add(((Element) tasks.item(i)).getAttribute("id"));
        }
      }
    }
    return ids;
  }

  private static Properties messages(String suffix) throws Exception {
    Properties words = new Properties();
    try (InputStream in =
        TaskNamesTest.class.getResourceAsStream("/pages/messages" + suffix + ".properties")) {
      words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return words;
  }
}
