package org.uprengage.testsupport;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Prometheus's text format, as {@code /actuator/prometheus} answers it: the sum of a sample's
 * values over the series that carry the labels given.
 */
public final class Metrics {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$", Pattern.MULTILINE);

  private Metrics() {}

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
