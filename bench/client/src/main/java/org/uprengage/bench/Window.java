package org.uprengage.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One measured window of one side: the step times of each pair done in it (list, claim, complete in
 * ms), and how every counter moved meanwhile.
 */
record Window(
    String side,
    Instant start,
    Instant end,
    double seconds,
    List<long[]> pairs,
    Map<String, Double> delta,
    Map<String, Double> after) {

  /**
   * How the counters moved from {@code before} to {@code after}. CPU is summed per label from the
   * per-process counters (a process that started in between counts from zero, one that ended is
   * left out); memory is the value after.
   */
  static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> delta = new TreeMap<>();
    after.forEach(
        (key, value) -> {
          if (key.startsWith(Probes.RSS + "|")) {
            return;
          }
          double moved = value - before.getOrDefault(key, 0.0);
          if (key.startsWith(Probes.CPU_PID + "|")) {
            String label = key.substring(key.indexOf('|', Probes.CPU_PID.length() + 1) + 1);
            delta.merge(Probes.key(Probes.CPU, label), moved, Double::sum);
          } else {
            delta.put(key, moved);
          }
        });
    return delta;
  }
}
