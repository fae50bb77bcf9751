package org.uprengage.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every metric a Grafana dashboard queries is one a service exports: listed in
 * deploy/compose/grafana/exported-metrics.txt, whose lines each service's MetricsTest finds in its
 * own scrape.
 */
class DashboardMetricsTest {

  private static final Path DASHBOARDS = ProjectFiles.path("deploy/compose/grafana/dashboards");
  private static final Path EXPORTED =
      ProjectFiles.path("deploy/compose/grafana/exported-metrics.txt");

  private static final Set<String> PROMQL_WORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "and",
          "or",
          "unless",
          "offset",
          "bool");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");

  @Test
  void everyQueriedMetricIsExported() throws IOException {
    Set<String> exported = exported();
    List<Path> dashboards;
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      dashboards = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(dashboards).isNotEmpty();
    ObjectMapper json = new ObjectMapper();
    for (Path dashboard : dashboards) {
      for (JsonNode panel : json.readTree(dashboard.toFile()).path("panels")) {
        String title = dashboard.getFileName() + ": " + panel.path("title").asText();
        assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo("prometheus");
        assertThat(panel.path("targets")).as(title).isNotEmpty();
        for (JsonNode target : panel.path("targets")) {
          Set<String> metrics = metricsOf(target.path("expr").asText());
          assertThat(metrics).as(title).isNotEmpty();
          assertThat(exported).as(title).containsAll(metrics);
        }
      }
    }
  }

  @Test
  void metricsAreFoundInAQueryButNotItsFunctionsLabelsOrRanges() {
    assertThat(
            metricsOf(
                "sum by (outcome) (rate(upr_emails_total{outcome=\"sent\", x=~\"5..\"}[5m]))"
                    + " / on (instance) max(up)"))
        .containsExactly("up", "upr_emails_total");
  }

  /** The metric names of a PromQL query: its identifiers, once labels, ranges and groupings go. */
  static Set<String> metricsOf(String query) {
    String bare =
        query
            .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
            .replaceAll("\\{[^}]*\\}", "")
            .replaceAll("\\[[^]]*\\]", "")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
    Set<String> metrics = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(bare);
    while (identifier.find()) {
      if (!PROMQL_WORDS.contains(identifier.group(1))) {
        metrics.add(identifier.group(1));
      }
    }
    return metrics;
  }

  private static Set<String> exported() throws IOException {
    Set<String> names = new TreeSet<>();
    for (String line : Files.readAllLines(EXPORTED)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.trim().split("\\s+")[1]);
      }
    }
    return names;
  }
}
