package org.uprengage.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service started from its executable jar as a separate JVM, on a free loopback port, with its
 * management port (metrics, full health) on another.
 */
final class ServiceProcess implements AutoCloseable {

  private static final HttpClient http = HttpClient.newHttpClient();

  private final String name;
  private final int port;
  private final int managementPort;
  private final Process process;
  private final Path log;
  private final String jarProperty;
  private final Map<String, String> properties;

  private ServiceProcess(
      String name,
      int port,
      int managementPort,
      Process process,
      Path log,
      String jarProperty,
      Map<String, String> properties) {
    this.name = name;
    this.port = port;
    this.managementPort = managementPort;
    this.process = process;
    this.log = log;
    this.jarProperty = jarProperty;
    this.properties = Map.copyOf(properties);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts the jar named by system property {@code jarProperty} with the given Spring properties.
   */
  static ServiceProcess start(
      String name, String jarProperty, int port, Map<String, String> properties)
      throws IOException {
    Path jar = Path.of(System.getProperty(jarProperty, "missing"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          name
              + " jar not found at "
              + jar
              + ": build the services first (./mvnw verify builds them)");
    }
    Path logs = Path.of(System.getProperty("upr.e2e.log-dir", "target/service-logs"));
    Files.createDirectories(logs);
    Path log = logs.resolve(name + ".log");
    if (Files.exists(log)) {
      // a restarted service keeps the log of its earlier run beside the new one
      Files.move(
          log,
          logs.resolve(name + "." + System.currentTimeMillis() + ".log"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx384m",
                "-jar",
                jar.toString()));
    int managementPort = freePort();
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.add("--management.server.port=" + managementPort);
    command.add("--management.server.address=127.0.0.1");
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ServiceProcess(name, port, managementPort, process, log, jarProperty, properties);
  }

  /** Starts the same service again, on the same port, once this process has ended. */
  ServiceProcess startAgain() throws IOException {
    return start(name, jarProperty, port, properties);
  }

  /** The file its standard output and error go to. */
  Path log() {
    return log;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  String name() {
    return name;
  }

  String managementUrl() {
    return "http://127.0.0.1:" + managementPort;
  }

  /** Waits until the service says, on the port it serves on, that it is ready to take traffic. */
  void awaitReady(Duration timeout) {
    awaitProbe("/readyz", timeout);
  }

  /**
   * Waits until the service has started and is alive, ready or not (a production engine is not
   * ready before its first country team).
   */
  void awaitAlive(Duration timeout) {
    awaitProbe("/livez", timeout);
  }

  /** The status the service's readiness probe answers now. */
  int readiness() throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/readyz")).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private void awaitProbe(String probe, Duration timeout) {
    await(name + " " + probe)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    name + " exited with " + process.exitValue() + "; see " + log);
              }
              try {
                HttpResponse<Void> response =
                    http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + probe)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == 200;
              } catch (IOException e) {
                return false;
              }
            });
  }

  /** Kills the process at once (SIGKILL), as a machine that fails would: no shutdown at all. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " still runs 30 s after SIGKILL");
    }
  }

  /** What the service's {@code /actuator/prometheus} answers now. */
  String scrape() throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/prometheus")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** Asks the service to shut down (SIGTERM) without waiting for it; {@link #close} waits. */
  void terminate() {
    process.destroy();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
