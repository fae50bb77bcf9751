package org.uprengage.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The platform's task loop side by side with plain Camunda engine-rest, in one run on this machine
 * (bench/side-by-side.sh starts both and calls this twice).
 *
 * <p>{@code seed} gives each side {@code --tasks} open claimable tasks (the platform: drafting
 * tasks of reviews of GHA planned with UNICEF and UNDP; the peer: instances of its two-task
 * process) and writes what identifies them to {@code --state}. {@code measure} then runs {@code
 * --workers} workers on each side, each on its own tasks: a pair is list one claimable task, claim
 * it, complete it. Measured windows alternate between the sides (peer first) after a warm-up of
 * each (with {@code --warm-claims-seconds N}, first N seconds of claims given back, which use no
 * task up: the depth series' pools are too small to warm a JVM that has not served yet), and the
 * run prints both rates, their ratio, p50/p99 of the cycle and of each step, CPU and memory per
 * process, and per pair the SQL statements, transactions, HTTP calls, Kafka records, process
 * instances and jobs of each side. With {@code --profile DIR} each JVM also runs JDK Flight
 * Recorder through the measured windows, summarised at the end.
 */
public final class SideBySideBenchmark {

  private final PeerSide peer;
  private final PlatformSide platform;
  private final String[] args;

  private SideBySideBenchmark(String[] args) {
    this.args = args;
    this.peer = new PeerSide(option("--peer", "http://127.0.0.1:24090"));
    this.platform = new PlatformSide(option("--web-api", "http://127.0.0.1:24080"));
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !Set.of("seed", "deepen", "lists", "measure").contains(args[0])) {
      System.err.println(
          "usage: SideBySideBenchmark seed|deepen|lists|measure [--tasks 1300] [--depth 1000] [--workers 8] [--windows 6]"
              + " [--window-seconds 15] [--warmup-seconds 10] [--warm-claims-seconds 0]"
              + " [--state FILE] [--profile DIR]"
              + " [--out FILE] [--web-api URL] [--engine URL] [--notifications URL] [--peer URL]"
              + " [--web-api-management URL] [--engine-management URL] [--notifications-management URL]"
              + " [--kafka HOST:PORT] [--db jdbc:postgresql://HOST:PORT/] [--db-user NAME]");
      System.exit(2);
    }
    SideBySideBenchmark benchmark = new SideBySideBenchmark(args);
    if (args[0].equals("seed")) {
      benchmark.seed();
    } else if (args[0].equals("deepen")) {
      benchmark.deepen();
    } else if (args[0].equals("lists")) {
      benchmark.lists();
    } else {
      benchmark.measure();
    }
    System.exit(0);
  }

  private void seed() throws Exception {
    int tasks = intOption("--tasks", 1300);
    int threads = intOption("--seed-threads", 4);
    long started = System.nanoTime();
    List<String> peerKeys = peer.seed(tasks, threads);
    System.out.printf(
        "peer: %d process instances in %.0f s%n",
        peerKeys.size(), (System.nanoTime() - started) / 1e9);
    started = System.nanoTime();
    List<String> reviews = platform.seed(tasks, threads);
    System.out.printf(
        "platform: %d reviews, %d drafting tasks in %.0f s%n",
        reviews.size(), reviews.size() * Side.AGENCIES.size(), (System.nanoTime() - started) / 1e9);
    try (Probes probes = probes(false)) {
      probes.analyze();
    }
    List<String> lines = new ArrayList<>();
    peerKeys.forEach(key -> lines.add("peer " + key));
    reviews.forEach(review -> lines.add("platform " + review));
    Files.write(statePath(), lines);
  }

  /**
   * The depth series' seed (issue 15, part 4): both sides brought to {@code --depth} open tasks,
   * {@code --tasks} of them the workers' own (on the platform, a fresh pool each time: its tasks
   * are done once; the peer's pool is seeded once and kept), the rest in other country teams
   * ({@link DepthSeed}).
   */
  private void deepen() throws Exception {
    int depth = intOption("--depth", 1000);
    int tasks = intOption("--tasks", 800);
    String jdbc = option("--db", "jdbc:postgresql://127.0.0.1:24432/");
    String user = option("--db-user", "postgres");
    DepthSeed seed = new DepthSeed(jdbc, user);
    List<String> peerKeys = new ArrayList<>();
    if (Files.exists(statePath())) {
      for (String line : Files.readAllLines(statePath())) {
        if (line.startsWith("peer ")) {
          peerKeys.add(line.substring("peer ".length()));
        }
      }
    }
    long started = System.nanoTime();
    if (peerKeys.isEmpty()) {
      peerKeys = peer.seed(tasks, intOption("--seed-threads", 4));
      System.out.printf(
          "peer: %d process instances through engine-rest in %.0f s%n",
          peerKeys.size(), (System.nanoTime() - started) / 1e9);
    }
    seed.peer(option("--peer-db", "upr_bench_peer"), peerKeys.get(0), depth);
    started = System.nanoTime();
    List<String> reviews =
        seed.platform(platform, option("--engine-db", "upr_engine"), depth, tasks);
    System.out.printf(
        "platform: seeded to depth %,d in %.0f s%n", depth, (System.nanoTime() - started) / 1e9);
    List<String> lines = new ArrayList<>();
    peerKeys.forEach(key -> lines.add("peer " + key));
    reviews.forEach(review -> lines.add("platform " + review));
    Files.write(statePath(), lines);
  }

  /** The lists' latency at the depth {@code deepen} left ({@link ListLatency}). */
  private void lists() throws Exception {
    List<String> peerKeys = new ArrayList<>();
    List<String> reviews = new ArrayList<>();
    for (String line : Files.readAllLines(statePath())) {
      String[] parts = line.split(" ", 2);
      (parts[0].equals("peer") ? peerKeys : reviews).add(parts[1]);
    }
    int depth = intOption("--depth", 1000);
    String lists =
        new ListLatency(
                option("--web-api", "http://127.0.0.1:24080"),
                option("--peer", "http://127.0.0.1:24090"),
                option("--db", "jdbc:postgresql://127.0.0.1:24432/"),
                option("--db-user", "postgres"))
            .measure(platform, reviews, peerKeys, depth);
    System.out.println(lists);
    String listsOut = option("--lists-out", null);
    if (listsOut != null) {
      Files.writeString(
          Path.of(listsOut),
          lists,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
  }

  private void measure() throws Exception {
    int workers = intOption("--workers", 8);
    int windowCount = intOption("--windows", 6);
    int seconds = intOption("--window-seconds", 15);
    int warmup = intOption("--warmup-seconds", 10);
    int warmClaims = intOption("--warm-claims-seconds", 0);
    List<String> peerKeys = new ArrayList<>();
    List<String> reviews = new ArrayList<>();
    for (String line : Files.readAllLines(statePath())) {
      String[] parts = line.split(" ", 2);
      (parts[0].equals("peer") ? peerKeys : reviews).add(parts[1]);
    }
    Map<Side, List<Side.Worker>> loops = new LinkedHashMap<>();
    loops.put(peer, workers(peer, workers, peerKeys));
    loops.put(platform, workers(platform, workers, reviews));

    try (Probes probes = probes(true)) {
      FlightRecordings recordings =
          option("--profile", null) == null
              ? null
              : new FlightRecordings(jvmsToProfile(probes), Path.of(option("--profile", null)));
      // A recording started on a warm JVM slowed the next windows to a quarter of their rate:
      // start it before the warm-up, which absorbs that.
      if (recordings != null) {
        recordings.start();
      }
      for (Side side : loops.keySet()) {
        if (warmClaims > 0) {
          System.err.printf(
              "warming up %s for %d s on claims given back...%n", side.name(), warmClaims);
          run(
              loops.get(side),
              warmClaims,
              worker -> {
                worker.claimAndGiveBack();
                return null;
              });
        }
        System.err.printf("warming up %s for %d s...%n", side.name(), warmup);
        run(loops.get(side), warmup);
      }
      List<Window> windows = new ArrayList<>();
      List<Side> order = new ArrayList<>(loops.keySet());
      for (int i = 0; i < windowCount; i++) {
        Side side = order.get(i % order.size());
        Map<String, Double> before = probes.snapshot(false);
        Instant start = Instant.now();
        long started = System.nanoTime();
        List<long[]> pairs = run(loops.get(side), seconds);
        double elapsed = (System.nanoTime() - started) / 1e9;
        Instant end = Instant.now();
        Map<String, Double> after = probes.snapshot(true);
        windows.add(
            new Window(
                side.name(), start, end, elapsed, pairs, Window.delta(before, after), after));
        System.err.printf(
            "window %d, %s: %d pairs in %.1f s (%.1f pairs/s)%n",
            i + 1, side.name(), pairs.size(), elapsed, pairs.size() / elapsed);
      }
      Report report =
          new Report(
              peer.name(),
              platform.name(),
              windows,
              Map.of(
                  peer.name(),
                  Set.of(option("--peer-db", "upr_bench_peer")),
                  platform.name(),
                  platformDatabases()));
      StringBuilder out = new StringBuilder();
      out.append("## Side by side, ")
          .append(LocalDate.now())
          .append(": ")
          .append(workers)
          .append(" workers, ")
          .append(windowCount)
          .append(" windows of ")
          .append(seconds)
          .append(" s (")
          .append(peer.name())
          .append(" first), ")
          .append(warmup)
          .append(" s warm-up each, ")
          .append(peerKeys.size())
          .append(" peer instances, ")
          .append(reviews.size() * Side.AGENCIES.size())
          .append(" drafting tasks seeded\n\n");
      out.append(report.sideBySide()).append("\n");
      out.append("### Per pair (background, read while the other side ran, subtracted)\n\n");
      if (!probes.countsHttp()) {
        out.append(
            "(no service answered /actuator/prometheus on its management port: no HTTP counts)\n\n");
      }
      out.append(report.perPair());
      out.append("\n### SQL statements per pair, by kind and main table\n");
      out.append(report.statements(25));
      if (recordings != null) {
        Map<String, Path> files = recordings.stop();
        out.append("\n### JDK Flight Recorder, measured windows of each JVM's own side\n\n");
        for (Map.Entry<String, Path> file : files.entrySet()) {
          String side = file.getKey().equals(Report.PEER_PROCESS) ? peer.name() : platform.name();
          List<Window> own = windows.stream().filter(w -> w.side().equals(side)).toList();
          out.append(FlightRecordings.profile(file.getValue(), own).describe(file.getKey(), 12))
              .append("\n");
        }
      }
      System.out.println(out);
      String outFile = option("--out", null);
      if (outFile != null) {
        Files.writeString(Path.of(outFile), out);
      }
    }
  }

  private Map<String, Long> jvmsToProfile(Probes probes) {
    Map<String, Long> jvms = new LinkedHashMap<>(probes.jvms());
    jvms.remove("benchmark client");
    return jvms;
  }

  private Set<String> platformDatabases() {
    return Set.of(
        option("--engine-db", "upr_engine"), option("--notification-db", "upr_notification"));
  }

  private Probes probes(boolean withServices) throws Exception {
    Map<String, Integer> ports = new LinkedHashMap<>();
    Map<String, String> management = new LinkedHashMap<>();
    String kafka = null;
    if (withServices) {
      ports.put(Report.PEER_PROCESS, port(option("--peer", "http://127.0.0.1:24090")));
      ports.put("web-api", port(option("--web-api", "http://127.0.0.1:24080")));
      ports.put("workflow-engine", port(option("--engine", "http://127.0.0.1:24081")));
      ports.put("notification-service", port(option("--notifications", "http://127.0.0.1:24082")));
      kafka = option("--kafka", "127.0.0.1:24092");
      ports.put("Kafka broker", Integer.parseInt(kafka.substring(kafka.lastIndexOf(':') + 1)));
      management.put("web-api", option("--web-api-management", "http://127.0.0.1:24083"));
      management.put("workflow-engine", option("--engine-management", "http://127.0.0.1:24084"));
      management.put(
          "notification-service", option("--notifications-management", "http://127.0.0.1:24085"));
    }
    Set<String> databases = new java.util.LinkedHashSet<>(platformDatabases());
    databases.add(option("--peer-db", "upr_bench_peer"));
    return new Probes(
        ports,
        management,
        option("--db", "jdbc:postgresql://127.0.0.1:24432/"),
        option("--db-user", "postgres"),
        databases,
        Set.of(option("--engine-db", "upr_engine"), option("--peer-db", "upr_bench_peer")),
        kafka);
  }

  private static List<Side.Worker> workers(Side side, int count, List<String> items)
      throws Exception {
    List<Side.Worker> workers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      workers.add(side.worker(i, count, items));
    }
    return workers;
  }

  /**
   * Runs every worker for {@code seconds}: each starts pairs until the time is up and finishes the
   * one under way. The step times of every pair done.
   */
  private static List<long[]> run(List<Side.Worker> workers, int seconds) throws Exception {
    return run(workers, seconds, Side.Worker::pair);
  }

  /** A step of a worker's loop: a pair's milliseconds, or null for a step that is not measured. */
  private interface Step {
    long[] take(Side.Worker worker) throws Exception;
  }

  /** Runs {@code step} on every worker at once for {@code seconds}; the steps' answers. */
  private static List<long[]> run(List<Side.Worker> workers, int seconds, Step step)
      throws Exception {
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(workers.size());
    try {
      List<Future<List<long[]>>> results = new ArrayList<>();
      for (Side.Worker worker : workers) {
        results.add(
            pool.submit(
                () -> {
                  List<long[]> pairs = new ArrayList<>();
                  while (System.nanoTime() < until) {
                    long[] taken = step.take(worker);
                    if (taken != null) {
                      pairs.add(taken);
                    }
                  }
                  return pairs;
                }));
      }
      List<long[]> all = new ArrayList<>();
      for (Future<List<long[]>> result : results) {
        try {
          all.addAll(result.get());
        } catch (ExecutionException failed) {
          if (failed.getCause() instanceof Side.OutOfTasksException out) {
            throw new IllegalStateException(
                out.getMessage() + ": seed more tasks (--tasks) or measure for less time", out);
          }
          throw failed;
        }
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  private Path statePath() {
    return Path.of(option("--state", "target/side-by-side.state"));
  }

  private static int port(String url) {
    return URI.create(url).getPort();
  }

  private String option(String name, String fallback) {
    return BenchClient.option(args, name, fallback);
  }

  private int intOption(String name, int fallback) {
    return Integer.parseInt(option(name, String.valueOf(fallback)));
  }
}
