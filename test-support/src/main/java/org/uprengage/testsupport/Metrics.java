package org.uprengage.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Prometheus's text format, as {@code /actuator/prometheus} answers it: the sum of a sample's
 * values over the series that carry the labels given.
 */
public final class Metrics {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$", Pattern.MULTILINE);

  /** The list of metrics the dashboards may query, from a service module's folder. */
  private static final Path EXPORTED = Path.of("../deploy/compose/grafana/exported-metrics.txt");

  private Metrics() {}

  /**
   * The metrics {@code service} must export, as deploy/compose/grafana/exported-metrics.txt says.
   */
  public static List<String> exportedBy(String service) {
    try {
      return Files.readAllLines(EXPORTED).stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.trim().split("\\s+"))
          .filter(fields -> fields[0].equals(service))
          .map(fields -> fields[1])
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The sum of {@code name}'s samples whose labels include each {@code label="value"} given, or NaN
   * if the scrape has no such series.
   */
  public static double value(String scrape, String name, String... labels) {
    Matcher sample = SAMPLE.matcher(scrape);
    double sum = 0;
    boolean found = false;
    while (sample.find()) {
      String series = sample.group(3) == null ? "" : sample.group(3);
      if (sample.group(1).equals(name)
          && Arrays.stream(labels).allMatch(label -> series.contains(label))) {
        sum += Double.parseDouble(sample.group(4));
        found = true;
      }
    }
    return found ? sum : Double.NaN;
  }
}
