package org.uprengage.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The side-by-side figures as Markdown, ready for docs/benchmarks.md: both rates and their ratio,
 * p50/p99 of the cycle and of each step, CPU and memory per process, then per pair what each side
 * did (SQL statements by shape, transactions, HTTP calls, Kafka records, process instances, jobs).
 */
final class Report {

  private static final String[] STEPS = {"list", "claim", "complete"};

  private final String peer;
  private final String platform;
  private final List<Window> windows;
  private final Map<String, Set<String>> databases;

  /**
   * @param databases each side's databases, by side name
   */
  Report(String peer, String platform, List<Window> windows, Map<String, Set<String>> databases) {
    this.peer = peer;
    this.platform = platform;
    this.windows = windows;
    this.databases = databases;
  }

  String sideBySide() {
    StringBuilder out = new StringBuilder();
    Totals a = totals(peer);
    Totals b = totals(platform);
    out.append("| | ").append(peer).append(" | ").append(platform).append(" | ratio |\n");
    out.append("|---|---|---|---|\n");
    out.append(
        row(
            "pairs/s",
            fmt(a.rate()),
            fmt(b.rate()),
            fmt2(b.rate() / a.rate()) + " (" + platform + " / " + peer + ")"));
    out.append(
        row(
            "pairs measured",
            a.pairs.size() + " in " + fmt(a.seconds) + " s",
            b.pairs.size() + " in " + fmt(b.seconds) + " s",
            ""));
    out.append(
        row(
            "pairs/s per window",
            a.windowRates.stream().map(Report::fmt).reduce((x, y) -> x + ", " + y).orElse(""),
            b.windowRates.stream().map(Report::fmt).reduce((x, y) -> x + ", " + y).orElse(""),
            ""));
    out.append(percentiles("cycle", a.cycle(), b.cycle()));
    for (int step = 0; step < STEPS.length; step++) {
      out.append(percentiles(STEPS[step], a.step(step), b.step(step)));
    }
    out.append(row("p95 (ms): cycle, " + String.join(", ", STEPS), p95s(a), p95s(b), ""));
    out.append("\n");
    out.append(
        "| process | CPU while "
            + peer
            + " runs (cores) | CPU while "
            + platform
            + " runs (cores) | CPU ms per pair (own side) | RSS MiB (max) |\n");
    out.append("|---|---|---|---|---|\n");
    Set<String> processes = new LinkedHashSet<>();
    for (Window window : windows) {
      processes.addAll(Probes.labels(window.delta(), Probes.CPU));
    }
    double totalA = 0;
    double totalB = 0;
    for (String process : processes) {
      double cpuA = sum(peer, Probes.key(Probes.CPU, process));
      double cpuB = sum(platform, Probes.key(Probes.CPU, process));
      totalA += cpuA;
      totalB += cpuB;
      String own = ownerOf(process);
      String perPair =
          own == null
              ? ""
              : fmt(1000 * (own.equals(peer) ? cpuA / a.pairs.size() : cpuB / b.pairs.size()));
      double rss =
          windows.stream()
              .mapToDouble(w -> w.after().getOrDefault(Probes.key(Probes.RSS, process), -1.0))
              .max()
              .orElse(-1);
      out.append(
          row(
              process,
              fmt2(cpuA / a.seconds),
              fmt2(cpuB / b.seconds),
              perPair,
              rss < 0 ? "" : fmt(rss)));
    }
    double machineA = sum(peer, Probes.MACHINE_BUSY);
    double machineB = sum(platform, Probes.MACHINE_BUSY);
    if (machineA > 0) {
      out.append(
          row(
              "other processes on this machine",
              fmt2((machineA - totalA) / a.seconds),
              fmt2((machineB - totalB) / b.seconds),
              "",
              ""));
    }
    out.append(
        row(
            "measured processes together",
            fmt2(totalA / a.seconds),
            fmt2(totalB / b.seconds),
            fmt(1000 * totalA / a.pairs.size()) + " / " + fmt(1000 * totalB / b.pairs.size()),
            ""));
    return out.toString();
  }

  /**
   * Per pair, each side's own work: its counters less its background (read while the other ran).
   */
  String perPair() {
    StringBuilder out = new StringBuilder();
    out.append("| per pair | ").append(peer).append(" | ").append(platform).append(" |\n");
    out.append("|---|---|---|\n");
    List<String[]> rows = new ArrayList<>();
    for (String database : allDatabases()) {
      rows.add(
          new String[] {
            "SQL statements in " + database, sqlTotal(peer, database), sqlTotal(platform, database)
          });
      rows.add(
          new String[] {
            "explicit transactions (BEGIN) in " + database,
            figure(peer, database, Probes.key(Probes.SQL_CALLS, database, "BEGIN")),
            figure(platform, database, Probes.key(Probes.SQL_CALLS, database, "BEGIN"))
          });
      rows.add(
          new String[] {
            "transactions in "
                + database
                + ", autocommitted statements included (pg_stat_database, +-1 s)",
            figure(peer, database, Probes.key(Probes.TRANSACTIONS, database)),
            figure(platform, database, Probes.key(Probes.TRANSACTIONS, database))
          });
      rows.add(
          new String[] {
            "SQL execution ms in " + database, sqlMs(peer, database), sqlMs(platform, database)
          });
    }
    for (String[] row : rows) {
      out.append(row(row));
    }
    for (String key : keysWith(Probes.HTTP)) {
      out.append(
          row(
              "HTTP requests served by " + key.substring(Probes.HTTP.length() + 1),
              "",
              fmt(perPairOf(platform).apply(key))));
    }
    for (String key : keysWith(Probes.KAFKA)) {
      double value = perPairOf(platform).apply(key);
      if (Math.abs(value) >= 0.005) {
        out.append(
            row("Kafka records on " + key.substring(Probes.KAFKA.length() + 1), "", fmt2(value)));
      }
    }
    for (String key : keysWith(Probes.CAMUNDA)) {
      String[] parts = key.split("\\|");
      String database = parts[1];
      String owner = ownerOfDatabase(database);
      if (owner == null) {
        continue;
      }
      double value = perPairOf(owner).apply(key);
      if (Math.abs(value) >= 0.005) {
        out.append(
            owner.equals(peer) ? row(parts[2], fmt2(value), "") : row(parts[2], "", fmt2(value)));
      }
    }
    return out.toString();
  }

  /** Each database's statements per pair by shape, the most frequent first. */
  String statements(int limit) {
    StringBuilder out = new StringBuilder();
    for (String database : allDatabases()) {
      String side = ownerOfDatabase(database);
      if (side == null) {
        continue;
      }
      Function<String, Double> perPair = perPairOf(side);
      out.append("\n").append(side).append(", database ").append(database).append(":\n\n");
      out.append(
          "| statement (kind, main table) | calls per pair | rows per pair | ms per pair |\n");
      out.append("|---|---|---|---|\n");
      String prefix = Probes.key(Probes.SQL_CALLS, database) + "|";
      List<String> shapes = new ArrayList<>();
      for (String key : keysWith(Probes.SQL_CALLS)) {
        if (key.startsWith(prefix)) {
          shapes.add(key.substring(prefix.length()));
        }
      }
      shapes.sort(
          Comparator.comparingDouble(
                  (String shape) -> perPair.apply(Probes.key(Probes.SQL_CALLS, database, shape)))
              .reversed());
      double restCalls = 0;
      double restMs = 0;
      for (int i = 0; i < shapes.size(); i++) {
        String shape = shapes.get(i);
        double calls = perPair.apply(Probes.key(Probes.SQL_CALLS, database, shape));
        double ms = perPair.apply(Probes.key(Probes.SQL_MS, database, shape));
        if (i < limit && calls >= 0.05) {
          out.append(
              row(
                  shape,
                  fmt2(calls),
                  fmt2(perPair.apply(Probes.key(Probes.SQL_ROWS, database, shape))),
                  fmt2(ms)));
        } else {
          restCalls += calls;
          restMs += ms;
        }
      }
      out.append(row("the rest", fmt2(restCalls), "", fmt2(restMs)));
    }
    return out.toString();
  }

  private Set<String> allDatabases() {
    Set<String> all = new LinkedHashSet<>();
    databases.values().forEach(all::addAll);
    return all;
  }

  private String sqlTotal(String side, String database) {
    if (!databases.get(side).contains(database)) {
      return "";
    }
    Function<String, Double> perPair = perPairOf(side);
    double total = 0;
    Map<String, Double> byKind = new TreeMap<>();
    String prefix = Probes.key(Probes.SQL_CALLS, database) + "|";
    for (String key : keysWith(Probes.SQL_CALLS)) {
      if (key.startsWith(prefix)) {
        double calls = perPair.apply(key);
        total += calls;
        String shape = key.substring(prefix.length());
        String kind = shape.startsWith("SELECT") ? "SELECT" : shape.split(" ")[0];
        if (shape.equals("advisory lock")) {
          kind = "advisory lock";
        }
        byKind.merge(kind, calls, Double::sum);
      }
    }
    StringBuilder kinds = new StringBuilder();
    byKind.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .filter(e -> e.getValue() >= 0.05)
        .forEach(
            e ->
                kinds
                    .append(kinds.length() == 0 ? "" : ", ")
                    .append(e.getKey())
                    .append(" ")
                    .append(fmt(e.getValue())));
    return "**" + fmt(total) + "** (" + kinds + ")";
  }

  private String sqlMs(String side, String database) {
    if (!databases.get(side).contains(database)) {
      return "";
    }
    Function<String, Double> perPair = perPairOf(side);
    double total = 0;
    String prefix = Probes.key(Probes.SQL_MS, database) + "|";
    for (String key : keysWith(Probes.SQL_MS)) {
      if (key.startsWith(prefix)) {
        total += perPair.apply(key);
      }
    }
    return fmt(total);
  }

  private String figure(String side, String database, String key) {
    return databases.get(side).contains(database) ? fmt(perPairOf(side).apply(key)) : "";
  }

  /**
   * A counter per pair of {@code side}: what moved in its windows, less what moved in the other
   * side's windows scaled to the same time (the background: pollers, timers).
   */
  Function<String, Double> perPairOf(String side) {
    Totals own = totals(side);
    Totals other = totals(side.equals(peer) ? platform : peer);
    return key -> {
      double background = other.seconds == 0 ? 0 : sum(other.side, key) / other.seconds;
      double value = sum(side, key) - background * own.seconds;
      return own.pairs.isEmpty() ? 0 : value / own.pairs.size();
    };
  }

  private List<String> keysWith(String prefix) {
    Set<String> keys = new java.util.TreeSet<>();
    for (Window window : windows) {
      for (String key : window.delta().keySet()) {
        if (key.startsWith(prefix + "|")) {
          keys.add(key);
        }
      }
    }
    return new ArrayList<>(keys);
  }

  private String ownerOf(String process) {
    if (process.equals("benchmark client") || process.startsWith("PostgreSQL (")) {
      return null;
    }
    for (Map.Entry<String, Set<String>> side : databases.entrySet()) {
      for (String database : side.getValue()) {
        if (process.equals("PostgreSQL " + database)) {
          return side.getKey();
        }
      }
    }
    return process.equals(PEER_PROCESS) ? peer : platform;
  }

  /** The label of the peer's JVM among the processes. */
  static final String PEER_PROCESS = "engine-rest peer";

  private String ownerOfDatabase(String database) {
    for (Map.Entry<String, Set<String>> side : databases.entrySet()) {
      if (side.getValue().contains(database)) {
        return side.getKey();
      }
    }
    return null;
  }

  private double sum(String side, String key) {
    return windows.stream()
        .filter(w -> w.side().equals(side))
        .mapToDouble(w -> w.delta().getOrDefault(key, 0.0))
        .sum();
  }

  private Totals totals(String side) {
    List<long[]> pairs = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    double seconds = 0;
    int count = 0;
    for (Window window : windows) {
      if (window.side().equals(side)) {
        pairs.addAll(window.pairs());
        rates.add(window.pairs().size() / window.seconds());
        seconds += window.seconds();
        count++;
      }
    }
    return new Totals(side, pairs, seconds, rates, count);
  }

  /** One side's pairs over all its windows. */
  private record Totals(
      String side, List<long[]> pairs, double seconds, List<Double> windowRates, int windows) {

    double rate() {
      return seconds == 0 ? 0 : pairs.size() / seconds;
    }

    List<Long> cycle() {
      List<Long> values = new ArrayList<>();
      pairs.forEach(p -> values.add(p[0] + p[1] + p[2]));
      Collections.sort(values);
      return values;
    }

    List<Long> step(int step) {
      List<Long> values = new ArrayList<>();
      pairs.forEach(p -> values.add(p[step]));
      Collections.sort(values);
      return values;
    }
  }

  private static String percentiles(String name, List<Long> a, List<Long> b) {
    long a50 = BenchClient.percentile(a, 50);
    long b50 = BenchClient.percentile(b, 50);
    long a99 = BenchClient.percentile(a, 99);
    long b99 = BenchClient.percentile(b, 99);
    return row(
        name + " p50 / p99 (ms)",
        a50 + " / " + a99,
        b50 + " / " + b99,
        a50 == 0 || a99 == 0 ? "" : fmt2((double) b50 / a50) + " / " + fmt2((double) b99 / a99));
  }

  private static String p95s(Totals side) {
    List<String> values = new ArrayList<>();
    values.add(String.valueOf(BenchClient.percentile(side.cycle(), 95)));
    for (int step = 0; step < STEPS.length; step++) {
      values.add(String.valueOf(BenchClient.percentile(side.step(step), 95)));
    }
    return String.join(", ", values);
  }

  static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  static String fmt(double value) {
    return Math.abs(value) >= 100
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  static String fmt2(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
