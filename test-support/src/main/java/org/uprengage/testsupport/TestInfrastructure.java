package org.uprengage.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import kafka.server.BrokerServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Gives integration tests real PostgreSQL and Kafka, chosen once per JVM in this order.
 *
 * <ol>
 *   <li>addresses from the environment: {@code UPR_TEST_DB_URL} (with {@code UPR_TEST_DB_USER},
 *       {@code UPR_TEST_DB_PASSWORD}) and {@code UPR_TEST_KAFKA_BOOTSTRAP};
 *   <li>the local PostgreSQL server at 127.0.0.1:5432 and an in-process KRaft broker;
 *   <li>Testcontainers, where a Docker engine answers;
 *   <li>an embedded PostgreSQL (real binaries from Maven Central) where nothing else is reachable.
 * </ol>
 *
 * {@code UPR_TEST_INFRA=containers} prefers Testcontainers for both, {@code embedded} forces the
 * embedded PostgreSQL. Every run gets fresh databases; the next run drops them.
 */
public final class TestInfrastructure {

  private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
  private static final String RUN_ID =
      LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE)
          + "_"
          + UUID.randomUUID().toString().substring(0, 8);
  private static final String DATABASE_PREFIX = "upr_test_";

  private static PostgresServer postgres;
  private static String kafkaBootstrapServers;
  private static boolean externalKafka;
  private static EmbeddedKafkaKraftBroker inProcessKafka;
  private static final Map<String, String> databases = new ConcurrentHashMap<>();
  private static final List<AutoCloseable> owned = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::shutdown, "test-infra"));
  }

  private TestInfrastructure() {}

  /** The PostgreSQL server of this run. */
  public static synchronized PostgresServer postgres() {
    if (postgres == null) {
      postgres = choosePostgres();
      log.info("Tests use PostgreSQL from {}", postgres.origin());
      dropEarlierRunsDatabases(postgres);
    }
    return postgres;
  }

  /**
   * The JDBC URL of this run's database for {@code purpose}; the same purpose gives the same
   * database for the whole JVM, so cached Spring contexts agree.
   */
  public static String database(String purpose) {
    return databases.computeIfAbsent(
        purpose,
        p -> {
          String name = DATABASE_PREFIX + RUN_ID + "_" + p.toLowerCase(Locale.ROOT);
          postgres().createDatabase(name);
          return postgres().jdbcUrl(name);
        });
  }

  /** Whether this JVM created the database for {@code purpose}. */
  public static boolean databaseCreated(String purpose) {
    return databases.containsKey(purpose);
  }

  /** The bootstrap servers of this run's Kafka broker. */
  public static synchronized String kafkaBootstrapServers() {
    if (kafkaBootstrapServers == null) {
      kafkaBootstrapServers = chooseKafka();
    }
    return kafkaBootstrapServers;
  }

  /**
   * A topic name for this run: the plain name on a broker this run owns, a name unique to the run
   * on a broker from the environment, which other runs share.
   */
  public static String topic(String name) {
    kafkaBootstrapServers();
    return externalKafka ? name + "." + RUN_ID : name;
  }

  private static String mode() {
    return System.getenv().getOrDefault("UPR_TEST_INFRA", "auto").toLowerCase(Locale.ROOT);
  }

  private static PostgresServer choosePostgres() {
    String url = System.getenv("UPR_TEST_DB_URL");
    if (url != null && !url.isBlank()) {
      URI uri = URI.create(url.substring("jdbc:".length()));
      String database =
          uri.getPath() == null || uri.getPath().length() <= 1
              ? "postgres"
              : uri.getPath().substring(1);
      return new PostgresServer(
          uri.getHost(),
          uri.getPort() < 0 ? 5432 : uri.getPort(),
          System.getenv().getOrDefault("UPR_TEST_DB_USER", "postgres"),
          System.getenv().getOrDefault("UPR_TEST_DB_PASSWORD", ""),
          database,
          "UPR_TEST_DB_URL (" + uri.getHost() + ":" + uri.getPort() + ")");
    }
    String mode = mode();
    if (!mode.equals("containers") && !mode.equals("embedded")) {
      PostgresServer local =
          new PostgresServer(
              "127.0.0.1", 5432, "postgres", "", "postgres", "the local server at 127.0.0.1:5432");
      if (isListening("127.0.0.1", 5432) && canLogIn(local)) {
        return local;
      }
    }
    if (!mode.equals("embedded") && dockerAvailable()) {
      PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
      container.start();
      owned.add(container::stop);
      return new PostgresServer(
          container.getHost(),
          container.getMappedPort(5432),
          container.getUsername(),
          container.getPassword(),
          container.getDatabaseName(),
          "Testcontainers (" + container.getDockerImageName() + ")");
    }
    try {
      EmbeddedPostgres embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      owned.add(embedded);
      return new PostgresServer(
          "127.0.0.1",
          embedded.getPort(),
          "postgres",
          "postgres",
          "postgres",
          "embedded PostgreSQL on port " + embedded.getPort());
    } catch (IOException e) {
      throw new IllegalStateException(
          "No PostgreSQL reachable, no Docker, and the embedded PostgreSQL did not start", e);
    }
  }

  private static String chooseKafka() {
    String bootstrap = System.getenv("UPR_TEST_KAFKA_BOOTSTRAP");
    if (bootstrap != null && !bootstrap.isBlank()) {
      externalKafka = true;
      log.info("Tests use the Kafka broker at {} (UPR_TEST_KAFKA_BOOTSTRAP)", bootstrap);
      return bootstrap;
    }
    if (mode().equals("containers") && dockerAvailable()) {
      KafkaContainer container = new KafkaContainer("apache/kafka:3.9.1");
      container.start();
      owned.add(container::stop);
      log.info(
          "Tests use a Kafka broker from Testcontainers at {}", container.getBootstrapServers());
      return container.getBootstrapServers();
    }
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
    broker.brokerListProperty("spring.embedded.kafka.brokers");
    // Loopback only. The clients' listener on a port fixed now (the test kit would take any free
    // one at each start), so that a broker stopped by a test comes back where its clients look.
    broker.brokerProperties(
        Map.of(
            "auto.create.topics.enable",
            "true",
            "group.initial.rebalance.delay.ms",
            "0",
            "listeners",
            "EXTERNAL://127.0.0.1:" + freeLoopbackPort() + ",CONTROLLER://127.0.0.1:0"));
    broker.afterPropertiesSet();
    owned.add(broker::destroy);
    inProcessKafka = broker;
    log.info("Tests use an in-process KRaft broker at {}", broker.getBrokersAsString());
    return broker.getBrokersAsString();
  }

  /** Whether this run's broker is the in-process one, which tests may stop and start again. */
  public static synchronized boolean kafkaInProcess() {
    kafkaBootstrapServers();
    return inProcessKafka != null;
  }

  /**
   * Stops the in-process broker as a broker outage would: its node shuts down and its listener
   * closes (clients get connections refused); its data and its controller stay, for {@link
   * #startKafka()}.
   */
  public static synchronized void stopKafka() {
    brokers().forEach(BrokerServer::shutdown);
    log.info("In-process KRaft broker stopped");
  }

  /** Starts the stopped in-process broker again on its port, and waits until it serves. */
  public static synchronized void startKafka() {
    brokers().forEach(BrokerServer::startup);
    try {
      inProcessKafka.getCluster().waitForReadyBrokers();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the broker started", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The in-process broker did not start again", e);
    }
    log.info("In-process KRaft broker started again at {}", inProcessKafka.getBrokersAsString());
  }

  private static Collection<BrokerServer> brokers() {
    if (!kafkaInProcess()) {
      throw new IllegalStateException("Only the in-process broker is stopped and started by tests");
    }
    return inProcessKafka.getCluster().brokers().values();
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free loopback port for the broker", e);
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  static boolean isListening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean canLogIn(PostgresServer server) {
    try (Connection ignored = server.adminConnection()) {
      return true;
    } catch (SQLException e) {
      log.warn(
          "PostgreSQL listens at {}:{} but refused the login: {}",
          server.host(),
          server.port(),
          e.getMessage());
      return false;
    }
  }

  /**
   * Drops the databases earlier runs left behind. They are not dropped at exit: the Spring contexts
   * still close then, and a context that loses its database waits for it. A database still in use
   * (another run's) is not dropped.
   */
  private static void dropEarlierRunsDatabases(PostgresServer server) {
    List<String> earlier = new ArrayList<>();
    try (Connection connection = server.adminConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE '"
                    + DATABASE_PREFIX
                    + "%' AND datname NOT IN (SELECT datname FROM pg_stat_activity WHERE datname IS NOT NULL)")) {
      while (rows.next()) {
        earlier.add(rows.getString(1));
      }
    } catch (SQLException e) {
      log.warn("Could not list earlier test databases: {}", e.getMessage());
      return;
    }
    for (String name : earlier) {
      try {
        server.dropDatabaseIfUnused(name);
      } catch (RuntimeException e) {
        log.debug("Kept {}: {}", name, e.getMessage());
      }
    }
  }

  private static void shutdown() {
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception e) {
        // Best effort at exit.
      }
    }
  }
}
