package org.uprengage.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The user tasks of the BPMN models on the test classpath (the bpmn module), and the message files
 * that must name each of them in every language (web-api's pages, notification-service's texts).
 */
public final class BpmnUserTasks {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private BpmnUserTasks() {}

  /** The ids of every user task of every model under {@code bpmn/} on the classpath. */
  public static Set<String> ids() {
    try {
      Resource[] models =
          new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn");
      if (models.length == 0) {
        throw new IllegalStateException("no BPMN models on the classpath: add the bpmn module");
      }
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("a BPMN model could not be read", e);
    }
  }

  /**
   * The user tasks of the models that a message file ({@code basename}, {@code basename_fr}, {@code
   * basename_es}) names under no {@code keyPrefix + id}, by file: empty when every task has its
   * name in each language.
   */
  public static Map<String, Set<String>> unnamed(String basename, String keyPrefix) {
    Set<String> ids = ids();
    if (!ids.contains("UserTask_DraftAgencySection")) {
      throw new IllegalStateException("the models read are not the platform's: " + ids);
    }
    Map<String, Set<String>> unnamed = new TreeMap<>();
    for (String suffix : new String[] {"", "_fr", "_es"}) {
      String resource = basename + suffix + ".properties";
      Properties words = messages(resource);
      Set<String> missing = new TreeSet<>(ids);
      missing.removeIf(id -> words.containsKey(keyPrefix + id));
      if (!missing.isEmpty()) {
        unnamed.put(resource, missing);
      }
    }
    return unnamed;
  }

  /** A message file of the classpath ({@code /pages/messages_fr.properties}), read as UTF-8. */
  public static Properties messages(String resource) {
    Properties words = new Properties();
    try (InputStream in = BpmnUserTasks.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the classpath");
      }
      words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
