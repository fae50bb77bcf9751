package org.uprengage.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * The whole platform for the end-to-end tests, started once per JVM: the three services, each a
 * separate JVM from its executable jar (workflow-engine twice: two nodes of one Camunda cluster on
 * one database; web-api twice, one in front of each engine node), on real PostgreSQL and a real
 * Kafka broker; a real SMTP server (GreenMail) for notification-service's e-mails; and a loopback
 * web server that receives webhook deliveries. Stopped when the JVM exits.
 */
final class Platform {

  static final String TASKS_TOPIC = TestInfrastructure.topic("upr.tasks.v1");

  private static Platform running;

  final String webApi;
  final String secondWebApi;
  final String engineDatabase = TestInfrastructure.database("e2e_engine");
  final GreenMail mail;
  final List<Delivery> webhookDeliveries = new CopyOnWriteArrayList<>();
  final String webhookUrl;

  private final List<ServiceProcess> services = new ArrayList<>();
  private final HttpServer webhookReceiver;

  /** A request the webhook receiver got: its headers of interest and its exact body. */
  record Delivery(String id, String timestamp, String signature, String body) {}

  static synchronized Platform get() throws Exception {
    if (running == null) {
      running = new Platform();
      Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
    }
    return running;
  }

  private Platform() throws Exception {
    mail =
        new GreenMail(
            new ServerSetup(ServiceProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    webhookReceiver = receiver();
    webhookUrl = "http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/hooks/upr";

    String kafka = TestInfrastructure.kafkaBootstrapServers();
    String user = TestInfrastructure.postgres().user();
    String password = TestInfrastructure.postgres().password();
    int enginePort = ServiceProcess.freePort();
    int notificationPort = ServiceProcess.freePort();
    int webApiPort = ServiceProcess.freePort();
    Map<String, String> common =
        Map.of(
            "spring.profiles.active", "demo",
            "spring.kafka.bootstrap-servers", kafka,
            "upr.events.topics.tasks", TASKS_TOPIC);
    Map<String, String> engine = new HashMap<>(common);
    engine.putAll(
        Map.of(
            "spring.datasource.url", TestInfrastructure.database("e2e_engine"),
            "spring.datasource.username", user,
            "spring.datasource.password", password));
    engine.put("camunda.bpm.generic-properties.properties.hostname", "engine-1");
    // Job executors that poll often and take one job at a time, so that both nodes of the
    // cluster get some (TwoEngineNodesIT shows it), and whose locks run out soon after a node
    // dies, so that the other takes its jobs.
    engine.put("camunda.bpm.job-execution.max-jobs-per-acquisition", "1");
    engine.put("camunda.bpm.job-execution.wait-time-in-millis", "300");
    engine.put("camunda.bpm.job-execution.max-wait", "1000");
    engine.put("camunda.bpm.job-execution.lock-time-in-millis", "15000");
    // Deadline watches polled as often, so that both nodes raise some alerts.
    engine.put("upr.deadlines.watch.interval", "300ms");
    ServiceProcess firstEngine =
        ServiceProcess.start("workflow-engine", "upr.e2e.engine-jar", enginePort, engine);
    services.add(firstEngine);
    // A second engine node on the same database: the Camunda cluster of DESIGN's "Scale". It
    // starts once the first has made the schema, as a rolling deployment would.
    firstEngine.awaitReady(Duration.ofMinutes(3));
    Map<String, String> second = new HashMap<>(engine);
    second.put("camunda.bpm.generic-properties.properties.hostname", "engine-2");
    int secondEnginePort = ServiceProcess.freePort();
    services.add(
        ServiceProcess.start("workflow-engine-2", "upr.e2e.engine-jar", secondEnginePort, second));
    Map<String, String> notifications = new HashMap<>(common);
    notifications.putAll(
        Map.of(
            "spring.datasource.url",
            TestInfrastructure.database("e2e_notification"),
            "spring.datasource.username",
            user,
            "spring.datasource.password",
            password,
            "upr.channels.email.enabled",
            "true",
            "spring.mail.host",
            "127.0.0.1",
            "spring.mail.port",
            String.valueOf(mail.getSmtp().getPort()),
            "upr.links.base-url",
            "http://127.0.0.1:" + webApiPort));
    // Each event's handling logged with its trace id (TracedRequestIT follows one request).
    notifications.put("logging.level.org.uprengage.notification.events.EventTrace", "DEBUG");
    services.add(
        ServiceProcess.start(
            "notification-service", "upr.e2e.notification-jar", notificationPort, notifications));
    ServiceProcess web =
        ServiceProcess.start(
            "web-api",
            "upr.e2e.web-api-jar",
            webApiPort,
            Map.of(
                "spring.profiles.active", "demo",
                "upr.services.engine", "http://127.0.0.1:" + enginePort,
                "upr.services.notifications", "http://127.0.0.1:" + notificationPort));
    services.add(web);
    // A second web-api, in front of the second engine node: two of each, as behind a load balancer.
    ServiceProcess secondWeb =
        ServiceProcess.start(
            "web-api-2",
            "upr.e2e.web-api-jar",
            ServiceProcess.freePort(),
            Map.of(
                "spring.profiles.active", "demo",
                "upr.services.engine", "http://127.0.0.1:" + secondEnginePort,
                "upr.services.notifications", "http://127.0.0.1:" + notificationPort));
    services.add(secondWeb);
    for (ServiceProcess service : services) {
      service.awaitReady(Duration.ofMinutes(3));
    }
    webApi = web.baseUrl();
    secondWebApi = secondWeb.baseUrl();
  }

  /**
   * Starts the service of that name again, on its port, after a test killed it: the platform is
   * whole again for the tests after it.
   */
  synchronized void startAgain(String name) throws IOException {
    ServiceProcess dead = service(name);
    ServiceProcess again = dead.startAgain();
    services.set(services.indexOf(dead), again);
    again.awaitReady(Duration.ofMinutes(3));
  }

  /**
   * Kills the service named (SIGKILL), starts it again from its jar on its port and waits until it
   * is ready.
   */
  synchronized void killAndRestart(String name) throws Exception {
    service(name).kill();
    startAgain(name);
  }

  /** The service process of that name ({@code notification-service}, say). */
  ServiceProcess service(String name) {
    return services.stream()
        .filter(service -> service.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** The services' processes: workflow-engine (two nodes), notification-service, web-api (two). */
  List<ServiceProcess> services() {
    return List.copyOf(services);
  }

  private HttpServer receiver() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/hooks/upr",
          exchange -> {
            webhookDeliveries.add(
                new Delivery(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stop() {
    // all at once: one after another, their shutdowns can outlast the 30 s Surefire gives a JVM to
    // exit; once, after failed tests, Surefire killed it and the last two (the web-apis) ran on
    services.forEach(ServiceProcess::terminate);
    for (ServiceProcess service : services) {
      try {
        service.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    webhookReceiver.stop(0);
    mail.stop();
  }
}
