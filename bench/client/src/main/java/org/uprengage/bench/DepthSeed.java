package org.uprengage.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The depth series' seed (issue 15, part 4): each side brought to {@code depth} open tasks, the
 * measured workers' own tasks among them, the rest in 192 other country teams, where the workers
 * see none of them.
 *
 * <p>The platform: one review of GHA started and planned with UNICEF and UNDP through the API (the
 * template: its two drafting tasks are the workers'), {@link InstanceCopies copied} in the engine's
 * database into {@code pool / 2 - 1} more reviews of GHA (the workers' pool, the same size at every
 * depth) and into as many reviews of the other States' teams ({@code upr_state_name}, one team
 * each, round the 192) as the depth needs, each in a WG session of its own (numbered from 1000, the
 * template's dates). The peer: its pool through engine-rest as {@code seed} does (once), then
 * copies of one of its instances. Then ANALYZE on both databases, as autovacuum would after a bulk
 * load.
 */
final class DepthSeed {

  static final String SEED_BY = "bench-depth";

  private final String jdbcBase;
  private final String dbUser;

  DepthSeed(String jdbcBase, String dbUser) {
    this.jdbcBase = jdbcBase;
    this.dbUser = dbUser;
  }

  /**
   * Brings the platform's engine database to {@code depth} open tasks: a template review through
   * the API, {@code pool} drafting tasks of GHA for the workers, the rest in other teams. Returns
   * the pool's review ids.
   */
  List<String> platform(PlatformSide platform, String database, int depth, int pool)
      throws Exception {
    long started = System.nanoTime();
    String template = platform.seed(Side.AGENCIES.size(), 1).get(0);
    try (Connection db = connect(database)) {
      waitForDrafts(db, template);
      System.out.printf(
          "platform: template review %s through the API in %.1f s%n",
          template, (System.nanoTime() - started) / 1e9);
      List<String> roots =
          strings(
              db,
              "SELECT DISTINCT root_proc_inst_id_ FROM act_ru_execution WHERE business_key_ = ?",
              template);
      int session = ints(db, "SELECT session_number FROM upr_review WHERE id = ?::uuid", template);
      long templateTasks = openTasks(db, roots);
      String salt = Long.toString(System.currentTimeMillis(), 36);
      InstanceCopies copies = new InstanceCopies(db);

      // the workers' pool: more reviews of GHA
      List<InstanceCopies.Copy> gha = new ArrayList<>();
      Map<String, Integer> nextSession = nextSessions(db);
      int poolReviews = Math.max(0, pool / Side.AGENCIES.size() - 1);
      for (int i = 0; i < poolReviews; i++) {
        gha.add(copy(salt, "g" + i, PlatformSide.COUNTRY, nextSession));
      }
      started = System.nanoTime();
      long added = copies.copy(roots, template, template, PlatformSide.COUNTRY, session, gha);
      System.out.printf(
          "platform: %d reviews of GHA copied (%d open tasks) in %.1f s%n",
          gha.size(), added, (System.nanoTime() - started) / 1e9);

      // the other teams' reviews, up to the depth
      List<String> teams = otherTeams(db);
      long open = count(db, "SELECT count(*) FROM act_ru_task");
      long missing = depth - open;
      List<InstanceCopies.Copy> others = new ArrayList<>();
      for (int i = 0; (long) i * templateTasks < missing; i++) {
        others.add(copy(salt, "o" + i, teams.get(i % teams.size()), nextSession));
      }
      started = System.nanoTime();
      added = copies.copy(roots, template, template, PlatformSide.COUNTRY, session, others);
      System.out.printf(
          "platform: %d reviews of %d other teams copied (%d open tasks) in %.1f s%n",
          others.size(),
          Math.min(others.size(), teams.size()),
          added,
          (System.nanoTime() - started) / 1e9);
      started = System.nanoTime();
      analyze(db);
      System.out.printf(
          "platform: %d open tasks (GHA %d), ANALYZE in %.1f s%n",
          count(db, "SELECT count(*) FROM act_ru_task"),
          count(db, "SELECT count(*) FROM act_ru_task WHERE tenant_id_ = 'GHA'"),
          (System.nanoTime() - started) / 1e9);
      List<String> reviews = new ArrayList<>();
      reviews.add(template);
      gha.forEach(copy -> reviews.add(copiedId(template, copy)));
      return reviews;
    }
  }

  /**
   * Brings the peer's database to {@code depth} open tasks with copies of the instance whose
   * business key is {@code key}.
   */
  void peer(String database, String key, int depth) throws Exception {
    try (Connection db = connect(database)) {
      List<String> roots =
          strings(
              db,
              "SELECT root_proc_inst_id_ FROM act_ru_execution WHERE business_key_ = ?"
                  + " AND id_ = proc_inst_id_ ORDER BY id_ LIMIT 1",
              key);
      long missing = depth - count(db, "SELECT count(*) FROM act_ru_task");
      String salt = Long.toString(System.currentTimeMillis(), 36);
      List<InstanceCopies.Copy> copies = new ArrayList<>();
      for (int i = 0; i < missing; i++) {
        copies.add(new InstanceCopies.Copy(salt + "p" + i, null, 0));
      }
      long started = System.nanoTime();
      long added = new InstanceCopies(db).copy(roots, key, null, null, 0, copies);
      analyze(db);
      System.out.printf(
          "peer: %d instances copied (%d open tasks), %d open tasks in all, in %.1f s with ANALYZE%n",
          copies.size(),
          added,
          count(db, "SELECT count(*) FROM act_ru_task"),
          (System.nanoTime() - started) / 1e9);
    }
  }

  /** The id a copy of review {@code template} has: as {@link InstanceCopies} derives it. */
  static String copiedId(String template, InstanceCopies.Copy copy) {
    try {
      byte[] md5 =
          MessageDigest.getInstance("MD5")
              .digest((template + ":" + copy.tag()).getBytes(StandardCharsets.UTF_8));
      String hex = HexFormat.of().formatHex(md5);
      return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"))
          .toString();
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static InstanceCopies.Copy copy(
      String salt, String name, String country, Map<String, Integer> nextSession) {
    int session = nextSession.getOrDefault(country, 1000);
    nextSession.put(country, session + 1);
    return new InstanceCopies.Copy(salt + name, country, session);
  }

  /** Each team's next free WG session number from 1000 on (the copies' own sessions). */
  private static Map<String, Integer> nextSessions(Connection db) throws SQLException {
    Map<String, Integer> next = new LinkedHashMap<>();
    try (Statement sql = db.createStatement();
        ResultSet rows =
            sql.executeQuery(
                "SELECT t.code, greatest(1000, coalesce(max(v.session_number) + 1, 1000))"
                    + " FROM upr_country_team t LEFT JOIN upr_review v ON v.country = t.code"
                    + " GROUP BY t.code")) {
      while (rows.next()) {
        next.put(rows.getString(1), rows.getInt(2));
      }
    }
    return next;
  }

  /** The 192 other States' country teams, added where missing (as RecommendationsBenchmark). */
  private static List<String> otherTeams(Connection db) throws SQLException {
    try (Statement sql = db.createStatement()) {
      sql.executeUpdate(
          """
          INSERT INTO upr_country_team (code, name, created_by, created_at)
          SELECT code, 'United Nations Country Team in ' || min(name), '%s', now()
          FROM upr_state_name WHERE code <> '%s'
          GROUP BY code ORDER BY code
          ON CONFLICT (code) DO NOTHING
          """
              .formatted(SEED_BY, PlatformSide.COUNTRY));
    }
    return strings(
        db,
        "SELECT DISTINCT code FROM upr_state_name WHERE code <> ? ORDER BY code",
        PlatformSide.COUNTRY);
  }

  /** Until the template's two drafting tasks are there and no job of it is due. */
  private static void waitForDrafts(Connection db, String review) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      long drafts =
          count(
              db,
              "SELECT count(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ ="
                  + " t.proc_inst_id_ WHERE e.business_key_ = ? AND t.task_def_key_ = ?",
              review,
              PlatformSide.TASK_DRAFT);
      long jobs =
          count(
              db,
              "SELECT count(*) FROM act_ru_job j JOIN act_ru_execution e ON e.id_ ="
                  + " j.process_instance_id_ WHERE e.business_key_ = ? AND (j.duedate_ IS NULL OR"
                  + " j.duedate_ <= now())",
              review);
      if (drafts == Side.AGENCIES.size() && jobs == 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("The template review's drafting tasks did not appear");
  }

  private static long openTasks(Connection db, List<String> roots) throws SQLException {
    long open = 0;
    for (String root : roots) {
      open +=
          count(
              db,
              "SELECT count(*) FROM act_ru_task WHERE proc_inst_id_ IN (SELECT id_ FROM"
                  + " act_ru_execution WHERE root_proc_inst_id_ = ?)",
              root);
    }
    return open;
  }

  static void analyze(Connection db) throws SQLException {
    try (Statement sql = db.createStatement()) {
      sql.execute("ANALYZE");
    }
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcBase + database, dbUser, "");
  }

  private static List<String> strings(Connection db, String query, String... parameters)
      throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement statement = db.prepareStatement(query)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
    }
    return values;
  }

  private static int ints(Connection db, String query, String parameter) throws SQLException {
    return Integer.parseInt(strings(db, query, parameter).get(0));
  }

  private static long count(Connection db, String query, String... parameters) throws SQLException {
    return Long.parseLong(strings(db, query, parameters).get(0));
  }
}
