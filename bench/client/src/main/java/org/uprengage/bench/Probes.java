package org.uprengage.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads, between two measured windows, every counter the run reports: CPU time and memory of each
 * process (by the port it listens on; PostgreSQL's backends by database), pg_stat_statements by
 * statement shape, transactions, Kafka's end offsets, each service's HTTP request count, and the
 * process instances, tasks and jobs each Camunda engine has created.
 *
 * <p>A snapshot is a flat map of counters; {@code prefix|label} keys say what each is.
 */
final class Probes implements AutoCloseable {

  static final String CPU = "cpu";
  static final String CPU_PID = "cpu-pid";

  /** CPU seconds this machine's processors spent busy, all processes together. */
  static final String MACHINE_BUSY = "machine|busy";

  static final String APPLICATION_NAME = "upr-bench-client";
  static final String RSS = "rss";
  static final String SQL_CALLS = "sql";
  static final String SQL_ROWS = "sqlrows";
  static final String SQL_MS = "sqlms";
  static final String TRANSACTIONS = "xact";
  static final String KAFKA = "kafka";
  static final String HTTP = "http";
  static final String CAMUNDA = "camunda";
  private static final String PROMETHEUS = "/actuator/prometheus";

  /** The JVMs watched, by label, and the port each listens on. */
  private final Map<String, Long> jvms = new LinkedHashMap<>();

  private final Map<String, JsonHttp> httpCounters = new LinkedHashMap<>();
  private final String jdbcBase;
  private final String dbUser;
  private final Set<String> databases;
  private final Set<String> camundaDatabases;
  private final Admin kafka;
  private final double ticksPerSecond = Processes.clockTicksPerSecond();
  private Connection postgres;
  private long serverPid = -1;
  private final Map<String, Connection> camunda = new HashMap<>();

  Probes(
      Map<String, Integer> jvmPorts,
      Map<String, String> managementUrls,
      String jdbcBase,
      String dbUser,
      Set<String> databases,
      Set<String> camundaDatabases,
      String kafkaBootstrap)
      throws Exception {
    for (Map.Entry<String, Integer> jvm : jvmPorts.entrySet()) {
      OptionalLong pid = Processes.listeningOn(jvm.getValue());
      if (pid.isEmpty()) {
        throw new IllegalStateException(
            "Nothing listens on 127.0.0.1:" + jvm.getValue() + " (" + jvm.getKey() + ")");
      }
      jvms.put(jvm.getKey(), pid.getAsLong());
    }
    jvms.put("benchmark client", ProcessHandle.current().pid());
    for (Map.Entry<String, String> service : managementUrls.entrySet()) {
      JsonHttp http = new JsonHttp(service.getValue());
      if (http.status("GET", PROMETHEUS, null) == 200) {
        httpCounters.put(service.getKey(), http);
      }
    }
    this.jdbcBase = jdbcBase;
    this.dbUser = dbUser;
    this.databases = databases;
    this.camundaDatabases = camundaDatabases;
    this.kafka =
        kafkaBootstrap == null
            ? null
            : Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap));
  }

  /**
   * The HTTP requests a service has served, from its Prometheus metrics: every {@code
   * http_server_requests_seconds_count} series but the management endpoints' own.
   */
  static double requestCount(String prometheus) {
    double count = 0;
    for (String line : prometheus.split("\n")) {
      if (line.startsWith("http_server_requests_seconds_count{")
          && !line.contains("uri=\"/actuator")) {
        count += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return count;
  }

  /** The JVMs watched, by label: pid. */
  Map<String, Long> jvms() {
    return jvms;
  }

  /** Whether the services' HTTP request counts are readable (their metrics endpoint exposed). */
  boolean countsHttp() {
    return !httpCounters.isEmpty();
  }

  /**
   * Every counter now. CPU times are read first at a window's end and last at its start, so that
   * reading the other counters costs no window any CPU.
   */
  Map<String, Double> snapshot(boolean cpuFirst) throws Exception {
    Map<String, Double> counters = new TreeMap<>();
    if (cpuFirst) {
      cpu(counters);
    }
    postgres(counters);
    for (String database : camundaDatabases) {
      camunda(database, counters);
    }
    for (Map.Entry<String, JsonHttp> service : httpCounters.entrySet()) {
      counters.put(key(HTTP, service.getKey()), requestCount(service.getValue().text(PROMETHEUS)));
    }
    if (kafka != null) {
      kafka(counters);
    }
    if (!cpuFirst) {
      cpu(counters);
    }
    return counters;
  }

  /**
   * CPU seconds used so far by each JVM watched and each PostgreSQL process, by pid ({@code
   * cpu-pid|pid|label}: backends come and go, so deltas are taken per process); RSS of the JVMs.
   */
  private void cpu(Map<String, Double> counters) throws Exception {
    counters.put(MACHINE_BUSY, Processes.machineBusyTicks() / ticksPerSecond);
    for (Map.Entry<String, Long> jvm : jvms.entrySet()) {
      counters.put(
          key(CPU_PID, String.valueOf(jvm.getValue()), jvm.getKey()),
          Processes.cpuTicks(jvm.getValue()) / ticksPerSecond);
      counters.put(key(RSS, jvm.getKey()), Processes.rssKib(jvm.getValue()) / 1024.0);
    }
    Map<Long, String> backends = new HashMap<>();
    Set<Long> ours = new java.util.HashSet<>();
    try (Statement statement = connection("postgres").createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT pid, datname, application_name FROM pg_stat_activity WHERE datname IS NOT NULL")) {
      while (rows.next()) {
        backends.put(rows.getLong(1), rows.getString(2));
        if (APPLICATION_NAME.equals(rows.getString(3))) {
          ours.add(rows.getLong(1));
        }
      }
    }
    if (serverPid < 0) {
      serverPid = Processes.parent(backends.keySet().iterator().next());
    }
    for (long pid : Processes.children(serverPid)) {
      if (ours.contains(pid)) {
        continue;
      }
      String database = backends.get(pid);
      String label =
          database == null
              ? "PostgreSQL (server processes)"
              : databases.contains(database) ? "PostgreSQL " + database : "PostgreSQL (other)";
      long ticks = Processes.cpuTicks(pid);
      if (ticks >= 0) {
        counters.put(key(CPU_PID, String.valueOf(pid), label), ticks / ticksPerSecond);
      }
    }
  }

  private void postgres(Map<String, Double> counters) throws SQLException {
    Connection connection = connection("postgres");
    try (Statement statement = connection.createStatement()) {
      String inList = "'" + String.join("','", databases) + "'";
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT d.datname, s.query, s.calls, s.rows, s.total_exec_time"
                  + " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
                  + " WHERE d.datname IN ("
                  + inList
                  + ")")) {
        while (rows.next()) {
          String database = rows.getString(1);
          SqlShape shape = SqlShape.of(rows.getString(2));
          add(counters, key(SQL_CALLS, database, shape.toString()), rows.getLong(3));
          add(counters, key(SQL_ROWS, database, shape.toString()), rows.getLong(4));
          add(counters, key(SQL_MS, database, shape.toString()), rows.getDouble(5));
        }
      }
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT datname, xact_commit + xact_rollback FROM pg_stat_database WHERE datname IN ("
                  + inList
                  + ")")) {
        while (rows.next()) {
          counters.put(key(TRANSACTIONS, rows.getString(1)), rows.getDouble(2));
        }
      }
    }
  }

  private void camunda(String database, Map<String, Double> counters) throws SQLException {
    Connection connection = connection(database);
    try (Statement statement = connection.createStatement()) {
      query(
          statement,
          "SELECT 'process instances started ' || proc_def_key_, count(*) FROM act_hi_procinst GROUP BY 1",
          database,
          counters);
      query(
          statement,
          "SELECT 'jobs created ' || coalesce(process_def_key_, '-') || ' ' || coalesce(job_def_type_, '-'),"
              + " count(*) FROM act_hi_job_log WHERE job_state_ = 0 GROUP BY 1",
          database,
          counters);
      query(
          statement,
          "SELECT 'process instances ended ' || proc_def_key_, count(*) FROM act_hi_procinst"
              + " WHERE end_time_ IS NOT NULL GROUP BY 1",
          database,
          counters);
      query(
          statement,
          "SELECT 'jobs deleted ' || coalesce(process_def_key_, '-') || ' ' || coalesce(job_def_type_, '-'),"
              + " count(*) FROM act_hi_job_log WHERE job_state_ = 3 GROUP BY 1",
          database,
          counters);
      query(
          statement,
          "SELECT 'user tasks created ' || proc_def_key_, count(*) FROM act_hi_taskinst GROUP BY 1",
          database,
          counters);
    }
  }

  private static void query(
      Statement statement, String sql, String database, Map<String, Double> counters)
      throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        counters.put(key(CAMUNDA, database, rows.getString(1)), rows.getDouble(2));
      }
    }
  }

  private void kafka(Map<String, Double> counters) throws Exception {
    Set<String> topics = kafka.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (TopicDescription topic : kafka.describeTopics(topics).allTopicNames().get().values()) {
      topic
          .partitions()
          .forEach(
              p ->
                  latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
    }
    kafka
        .listOffsets(latest)
        .all()
        .get()
        .forEach(
            (partition, offset) -> add(counters, key(KAFKA, partition.topic()), offset.offset()));
  }

  /**
   * A connection that pg_stat_statements does not count (the client's own statements stay out of
   * the figures).
   */
  private Connection connection(String database) throws SQLException {
    if (database.equals("postgres") && postgres != null) {
      return postgres;
    }
    Connection existing = camunda.get(database);
    if (existing != null) {
      return existing;
    }
    Properties properties = new Properties();
    properties.setProperty("user", dbUser);
    properties.setProperty("ApplicationName", APPLICATION_NAME);
    Connection connection = DriverManager.getConnection(jdbcBase + database, properties);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET pg_stat_statements.track = 'none'");
    }
    if (database.equals("postgres")) {
      postgres = connection;
    } else {
      camunda.put(database, connection);
    }
    return connection;
  }

  /** Runs ANALYZE on each database, as autovacuum would after a bulk load. */
  void analyze() throws SQLException {
    for (String database : databases) {
      try (Statement statement = connection(database).createStatement()) {
        statement.execute("ANALYZE");
      }
    }
  }

  static String key(String... parts) {
    return String.join("|", parts);
  }

  private static void add(Map<String, Double> counters, String key, double value) {
    counters.merge(key, value, Double::sum);
  }

  /** Labels of the counters with this prefix, in order. */
  static List<String> labels(Map<String, Double> counters, String prefix) {
    List<String> labels = new ArrayList<>();
    for (String key : counters.keySet()) {
      if (key.startsWith(prefix + "|")) {
        labels.add(key.substring(prefix.length() + 1));
      }
    }
    return labels;
  }

  @Override
  public void close() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    for (Connection connection : camunda.values()) {
      connection.close();
    }
  }
}
