package org.uprengage.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static final String PEER = "peer";
  private static final String PLATFORM = "platform";

  @Test
  void cpuOfBackendsIsSummedPerLabelAndANewBackendCountsFromZero() {
    Map<String, Double> before =
        Map.of(
            "cpu-pid|10|PostgreSQL upr_engine", 5.0,
            "cpu-pid|11|PostgreSQL upr_engine", 1.0,
            "rss|web-api", 300.0);
    Map<String, Double> after =
        Map.of(
            "cpu-pid|10|PostgreSQL upr_engine", 7.0,
            "cpu-pid|11|PostgreSQL upr_engine", 1.5,
            "cpu-pid|12|PostgreSQL upr_engine", 0.25,
            "rss|web-api", 310.0,
            "sql|upr_engine|BEGIN", 40.0);

    Map<String, Double> delta = Window.delta(before, after);

    assertThat(delta.get("cpu|PostgreSQL upr_engine")).isEqualTo(2.75);
    assertThat(delta.get("sql|upr_engine|BEGIN")).isEqualTo(40.0);
    assertThat(delta).doesNotContainKey("rss|web-api");
  }

  @Test
  void aPairsCountIsItsSidesLessTheBackgroundSeenWhileTheOtherSideRan() {
    // The platform's engine runs 10 polling statements a second whoever is measured.
    Map<String, Double> idle = Map.of("sql|upr_engine|SELECT upr_event_outbox", 100.0);
    List<Window> windows =
        List.of(
            window(PEER, 10, 100, idle),
            window(
                PLATFORM,
                10,
                20,
                Map.of(
                    "sql|upr_engine|SELECT upr_event_outbox",
                    100.0 + 20 * 3,
                    "http|workflow-engine",
                    20.0 * 3)),
            window(PEER, 10, 100, idle));
    Report report =
        new Report(
            PEER,
            PLATFORM,
            windows,
            Map.of(PEER, Set.of("peer_db"), PLATFORM, Set.of("upr_engine")));

    assertThat(report.perPairOf(PLATFORM).apply("sql|upr_engine|SELECT upr_event_outbox"))
        .isCloseTo(3.0, within(1e-9));
    assertThat(report.perPairOf(PLATFORM).apply("http|workflow-engine"))
        .isCloseTo(3.0, within(1e-9));
  }

  @Test
  void theTableGivesBothRatesAndTheirRatio() {
    List<Window> windows =
        List.of(window(PEER, 10, 80, Map.of()), window(PLATFORM, 10, 20, Map.of()));
    String table =
        new Report(PEER, PLATFORM, windows, Map.of(PEER, Set.of(), PLATFORM, Set.of()))
            .sideBySide();

    assertThat(table).contains("| pairs/s | 8.0 | 2.0 | 0.25 (platform / peer) |");
    assertThat(table).contains("| cycle p50 / p99 (ms) | 6 / 6 | 6 / 6 | 1.00 / 1.00 |");
  }

  private static Window window(String side, double seconds, int pairs, Map<String, Double> delta) {
    List<long[]> steps = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      steps.add(new long[] {1, 2, 3});
    }
    Instant start = Instant.now();
    return new Window(
        side, start, start.plusSeconds((long) seconds), seconds, steps, delta, Map.of());
  }
}
