package org.uprengage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * JDK Flight Recorder on each JVM for the measured windows (started and stopped with jcmd), and
 * what its samples say: which layers the CPU time goes to, the hottest methods, the project's own
 * methods on the stack, allocation and GC pauses per pair. Only samples taken while the JVM's own
 * side was measured count.
 */
final class FlightRecordings {

  private static final String NAME = "side-by-side";
  private static final String CAMUNDA_COMMANDS = "org.camunda.bpm.engine.impl.cmd.";

  /** Layers by package, the first match of a frame wins (so more specific ones come first). */
  static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

  static {
    LAYERS.put("PostgreSQL JDBC driver", List.of("org.postgresql."));
    LAYERS.put("HikariCP", List.of("com.zaxxer.hikari."));
    LAYERS.put("MyBatis", List.of("org.apache.ibatis."));
    LAYERS.put("Camunda engine-rest", List.of("org.camunda.bpm.engine.rest."));
    LAYERS.put("Camunda engine", List.of("org.camunda."));
    LAYERS.put("Jersey", List.of("org.glassfish.jersey."));
    LAYERS.put("Jackson (JSON)", List.of("com.fasterxml.jackson."));
    LAYERS.put("Nimbus JOSE (JWT)", List.of("com.nimbusds."));
    LAYERS.put("Spring Security", List.of("org.springframework.security."));
    LAYERS.put(
        "Spring HTTP client",
        List.of("org.springframework.web.client.", "org.springframework.http.client."));
    LAYERS.put("JDK HTTP client", List.of("jdk.internal.net.http.", "sun.net.www."));
    LAYERS.put("Spring MVC and web", List.of("org.springframework.web."));
    LAYERS.put("Spring transactions", List.of("org.springframework.transaction."));
    LAYERS.put("Spring JDBC", List.of("org.springframework.jdbc."));
    LAYERS.put("Spring Kafka", List.of("org.springframework.kafka."));
    LAYERS.put("Kafka client", List.of("org.apache.kafka."));
    LAYERS.put("Kafka broker", List.of("kafka."));
    LAYERS.put(
        "Tomcat", List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."));
    LAYERS.put("Micrometer", List.of("io.micrometer."));
    LAYERS.put("Logging", List.of("ch.qos.logback.", "org.slf4j.", "org.apache.logging."));
    LAYERS.put(
        "Spring AOP and proxies",
        List.of("org.springframework.aop.", "org.springframework.cglib."));
    LAYERS.put("Bean validation", List.of("org.hibernate.validator."));
    LAYERS.put("Java crypto", List.of("javax.crypto.", "com.sun.crypto.", "sun.security."));
    LAYERS.put("UPR Engage code", List.of("org.uprengage."));
  }

  private final Map<String, Long> jvms;
  private final Path directory;
  private final String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();

  FlightRecordings(Map<String, Long> jvms, Path directory) {
    this.jvms = jvms;
    this.directory = directory;
  }

  void start() throws IOException, InterruptedException {
    Files.createDirectories(directory);
    for (Map.Entry<String, Long> jvm : jvms.entrySet()) {
      jcmd(jvm.getValue(), "JFR.start", "name=" + NAME, "settings=profile");
    }
  }

  /** Stops the recordings; each JVM's file, by label. */
  Map<String, Path> stop() throws IOException, InterruptedException {
    Map<String, Path> files = new LinkedHashMap<>();
    for (Map.Entry<String, Long> jvm : jvms.entrySet()) {
      Path file = directory.resolve(jvm.getKey().replaceAll("[^A-Za-z0-9-]+", "-") + ".jfr");
      jcmd(jvm.getValue(), "JFR.stop", "name=" + NAME, "filename=" + file.toAbsolutePath());
      files.put(jvm.getKey(), file);
    }
    return files;
  }

  private void jcmd(long pid, String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(jcmd, String.valueOf(pid)));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
    }
  }

  /** What one JVM's recording says about the windows given, per pair done in them. */
  static Profile profile(Path file, List<Window> windows) throws IOException {
    int pairs = windows.stream().mapToInt(w -> w.pairs().size()).sum();
    Map<String, Integer> layers = new HashMap<>();
    Map<String, Integer> hot = new HashMap<>();
    Map<String, Integer> project = new HashMap<>();
    Map<String, Integer> commands = new HashMap<>();
    int samples = 0;
    double allocated = 0;
    double pausedMs = 0;
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        if (!inside(event.getStartTime(), windows)) {
          continue;
        }
        switch (event.getEventType().getName()) {
          case "jdk.ExecutionSample" -> {
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
              continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            hot.merge(method(frames.get(0)), 1, Integer::sum);
            Set<String> seenLayers = new HashSet<>();
            Set<String> seenProject = new HashSet<>();
            Set<String> seenCommands = new HashSet<>();
            for (RecordedFrame frame : frames) {
              String type = frame.getMethod().getType().getName();
              seenLayers.add(layerOf(type));
              if (type.startsWith("org.uprengage.") && !type.contains("$$")) {
                seenProject.add(method(frame));
              }
              if (type.startsWith(CAMUNDA_COMMANDS)
                  && frame.getMethod().getName().equals("execute")) {
                seenCommands.add(type.substring(type.lastIndexOf('.') + 1));
              }
            }
            seenLayers.forEach(layer -> layers.merge(layer, 1, Integer::sum));
            seenProject.forEach(m -> project.merge(m, 1, Integer::sum));
            seenCommands.forEach(c -> commands.merge(c, 1, Integer::sum));
          }
          case "jdk.ObjectAllocationSample" -> allocated += event.getLong("weight");
          case "jdk.GarbageCollection" ->
              pausedMs += event.getDuration("sumOfPauses").toNanos() / 1e6;
          default -> {
            // other events are not summarised
          }
        }
      }
    }
    return new Profile(
        samples, pairs, allocated / 1024 / 1024, pausedMs, layers, hot, project, commands);
  }

  static String layerOf(String type) {
    for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
      for (String prefix : layer.getValue()) {
        if (type.startsWith(prefix)) {
          return layer.getKey();
        }
      }
    }
    if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
      return "JDK";
    }
    // Otherwise the package's first two names (io.swagger, jakarta.servlet); hidden classes such
    // as lambdas' have no package.
    String[] names = type.split("\\.");
    return names.length < 3 ? "lambdas and proxies" : names[0] + "." + names[1];
  }

  private static boolean inside(Instant time, List<Window> windows) {
    for (Window window : windows) {
      if (!time.isBefore(window.start()) && !time.isAfter(window.end())) {
        return true;
      }
    }
    return false;
  }

  private static String method(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
  }

  /** A JVM's samples in its side's windows. */
  record Profile(
      int samples,
      int pairs,
      double allocatedMib,
      double gcPauseMs,
      Map<String, Integer> layers,
      Map<String, Integer> hotMethods,
      Map<String, Integer> projectMethods,
      Map<String, Integer> camundaCommands) {

    /** Markdown lines: the figures, then the top entries of each ranking as shares of samples. */
    String describe(String jvm, int top) {
      StringBuilder out = new StringBuilder();
      out.append("**")
          .append(jvm)
          .append("**: ")
          .append(samples)
          .append(" CPU samples (")
          .append(Report.fmt(samples / (double) Math.max(1, pairs)))
          .append(" per pair); allocated ")
          .append(Report.fmt(allocatedMib * 1024 / Math.max(1, pairs)))
          .append(" KiB per pair; GC pauses ")
          .append(Report.fmt2(gcPauseMs / Math.max(1, pairs)))
          .append(" ms per pair.\n\n");
      out.append("- on the stack (a sample counts for each layer it passes through): ")
          .append(ranking(layers, top))
          .append("\n");
      out.append("- hottest methods (top frame): ").append(ranking(hotMethods, top)).append("\n");
      if (!projectMethods.isEmpty()) {
        out.append("- UPR Engage methods on the stack: ")
            .append(ranking(projectMethods, 2 * top))
            .append("\n");
      }
      if (!camundaCommands.isEmpty()) {
        out.append("- Camunda commands on the stack: ")
            .append(ranking(camundaCommands, top))
            .append("\n");
      }
      return out.toString();
    }

    private String ranking(Map<String, Integer> counts, int top) {
      StringBuilder out = new StringBuilder();
      counts.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .limit(top)
          .forEach(
              entry ->
                  out.append(out.length() == 0 ? "" : ", ")
                      .append(entry.getKey())
                      .append(" ")
                      .append(Math.round(100.0 * entry.getValue() / Math.max(1, samples)))
                      .append("%"));
      return out.toString();
    }
  }
}
