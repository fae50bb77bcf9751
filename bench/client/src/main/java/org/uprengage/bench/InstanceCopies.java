package org.uprengage.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bulk copies of process instances the engine itself started, for the depth series: every row the
 * engine and the platform wrote for a template (Camunda's runtime and history rows of the
 * template's process instance trees and their byte arrays; with a review, the platform's own rows
 * of it), copied in SQL inside the database, each copy with ids of its own, its own country team
 * (the tenant) and its own WG session.
 *
 * <p>Which rows belong to the template: in every {@code act_ru_*} table those of the trees' process
 * instances (and Camunda's identity links of their tasks), in every {@code act_hi_*} table those of
 * the trees' roots, in {@code act_ge_bytearray} those of the roots and of the runtime variables;
 * the review's row in {@code upr_review} and its rows in every other {@code upr_*} table with a
 * {@code review_id}, but the outbox and the audit trail (events already relayed, and a record of
 * who did what, which a copy did not do). How a copy differs, column by column, decided from the
 * template's own values: a text column that holds ids of those rows (or the business key) gets each
 * copy's own id (a UUID from an MD5 of the id and the copy's tag; an activity instance id keeps its
 * {@code activityId:} prefix), one that holds the template's country team gets the copy's, a
 * session number (and a process variable's {@code long_}) that equals the template's session gets
 * the copy's; everything else (dates, names, groups, revisions) is copied as it is. A serial key is
 * left to its default.
 */
final class InstanceCopies {

  /** One copy: its tag (unique across runs: the ids derive from it), country team and session. */
  record Copy(String tag, String country, int session) {}

  /** Copies per transaction: a 100,000-task seed commits in steps, not as one transaction. */
  private static final int BATCH = 2_000;

  private static final Set<String> NOT_COPIED = Set.of("upr_event_outbox", "upr_audit");

  private final Connection db;

  InstanceCopies(Connection db) {
    this.db = db;
  }

  /**
   * Copies the process instance trees rooted at {@code roots} (whose business key is {@code
   * businessKey}), with review {@code review}'s rows where it is not null, once for each of {@code
   * copies}. {@code country} and {@code session} are the template's (null and 0 for none). Returns
   * the open tasks added.
   */
  long copy(
      List<String> roots,
      String businessKey,
      String review,
      String country,
      int session,
      List<Copy> copies)
      throws SQLException {
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(false);
    try (Statement sql = db.createStatement()) {
      sql.execute("DROP TABLE IF EXISTS depth_root, depth_proc, depth_id, depth_copy");
      sql.execute("CREATE TEMP TABLE depth_root (id text PRIMARY KEY)");
      sql.execute(
          "INSERT INTO depth_root VALUES "
              + roots.stream().map(r -> "(" + quote(r) + ")").collect(Collectors.joining(",")));
      sql.execute(
          """
          CREATE TEMP TABLE depth_proc AS
          SELECT id_ AS id FROM act_ru_execution
           WHERE root_proc_inst_id_ IN (SELECT id FROM depth_root) AND id_ = proc_inst_id_
          UNION SELECT proc_inst_id_ FROM act_hi_procinst
           WHERE root_proc_inst_id_ IN (SELECT id FROM depth_root)
          """);
      Map<String, String> templates = new LinkedHashMap<>();
      for (String table : camundaTables(sql)) {
        Set<String> columns = columns(sql, table).keySet();
        String where;
        if (table.equals("act_ge_bytearray")) {
          where =
              "root_proc_inst_id_ IN (SELECT id FROM depth_root) OR id_ IN (SELECT bytearray_id_"
                  + " FROM act_ru_variable WHERE proc_inst_id_ IN (SELECT id FROM depth_proc))";
        } else if (table.startsWith("act_hi_") && columns.contains("root_proc_inst_id_")) {
          where = "root_proc_inst_id_ IN (SELECT id FROM depth_root)";
        } else if (columns.contains("proc_inst_id_")) {
          where = "proc_inst_id_ IN (SELECT id FROM depth_proc)";
        } else if (columns.contains("process_instance_id_")) {
          where = "process_instance_id_ IN (SELECT id FROM depth_proc)";
        } else if (table.equals("act_ru_identitylink")) {
          where =
              "task_id_ IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ IN"
                  + " (SELECT id FROM depth_proc))";
        } else {
          continue;
        }
        templates.put(table, where);
      }
      if (review != null) {
        templates.put("upr_review", "id = " + quote(review) + "::uuid");
        for (String table : reviewTables(sql)) {
          templates.put(table, "review_id = " + quote(review) + "::uuid");
        }
      }
      sql.execute("CREATE TEMP TABLE depth_id (id text PRIMARY KEY)");
      sql.execute(
          "INSERT INTO depth_id SELECT id FROM depth_root UNION SELECT "
              + quote(businessKey)
              + " ON CONFLICT DO NOTHING");
      List<String> present = new ArrayList<>();
      for (Map.Entry<String, String> template : templates.entrySet()) {
        String table = template.getKey();
        sql.execute("DROP TABLE IF EXISTS " + copyOf(table));
        sql.execute(
            "CREATE TEMP TABLE "
                + copyOf(table)
                + " AS SELECT * FROM "
                + table
                + " WHERE "
                + template.getValue());
        if (count(sql, "SELECT count(*) FROM " + copyOf(table)) == 0) {
          continue;
        }
        present.add(table);
        String key = table.startsWith("act_") ? "id_" : "id";
        if (columns(sql, table).containsKey(key)) {
          sql.execute(
              "INSERT INTO depth_id SELECT "
                  + key
                  + "::text FROM "
                  + copyOf(table)
                  + " WHERE "
                  + key
                  + " IS NOT NULL ON CONFLICT DO NOTHING");
        }
      }
      sql.execute("CREATE TEMP TABLE depth_copy (n int, tag text, country text, session int)");
      sql.execute("ANALYZE depth_id");
      long tasks =
          present.contains("act_ru_task")
              ? count(sql, "SELECT count(*) FROM " + copyOf("act_ru_task"))
              : 0;
      List<String> order = insertOrder(present);
      Map<String, String> inserts = new LinkedHashMap<>();
      for (String table : order) {
        inserts.put(table, insert(sql, table, country, session));
      }
      db.commit();
      for (int from = 0; from < copies.size(); from += BATCH) {
        List<Copy> batch = copies.subList(from, Math.min(copies.size(), from + BATCH));
        sql.execute("TRUNCATE depth_copy");
        StringBuilder values = new StringBuilder("INSERT INTO depth_copy VALUES ");
        for (int i = 0; i < batch.size(); i++) {
          Copy copy = batch.get(i);
          values
              .append(i == 0 ? "" : ",")
              .append("(")
              .append(from + i)
              .append(",")
              .append(quote(":" + copy.tag()))
              .append(",")
              .append(copy.country() == null ? "NULL" : quote(copy.country()))
              .append(",")
              .append(copy.session())
              .append(")");
        }
        sql.execute(values.toString());
        if (session > 0) {
          sql.execute(sessionsInsert(sql, session));
        }
        for (String insert : inserts.values()) {
          sql.execute(insert);
        }
        db.commit();
      }
      return tasks * copies.size();
    } catch (SQLException | RuntimeException failed) {
      db.rollback();
      throw failed;
    } finally {
      db.setAutoCommit(autoCommit);
    }
  }

  /** The copies' sessions that the calendar lacks, as the template's session with their number. */
  private String sessionsInsert(Statement sql, int session) throws SQLException {
    Map<String, String> columns = columns(sql, "upr_session");
    String names = String.join(", ", columns.keySet());
    String values =
        columns.keySet().stream()
            .map(c -> c.equals("number") ? "k.session" : "s." + c)
            .collect(Collectors.joining(", "));
    return "INSERT INTO upr_session ("
        + names
        + ") SELECT "
        + values
        + " FROM upr_session s, (SELECT DISTINCT session FROM depth_copy) k WHERE s.number = "
        + session
        + " ON CONFLICT (number) DO NOTHING";
  }

  /** The INSERT of one table's copies, each column as the class comment says. */
  private String insert(Statement sql, String table, String country, int session)
      throws SQLException {
    Map<String, String> columns = columns(sql, table);
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, String> column : columns.entrySet()) {
      String name = column.getKey();
      String type = column.getValue();
      if (type.startsWith("serial")) {
        continue;
      }
      String c = "t." + name;
      String value = c;
      if (type.equals("text") || type.equals("uuid")) {
        String asText = type.equals("uuid") ? c + "::text" : c;
        boolean ids = any(sql, table, asText + " IN (SELECT id FROM depth_id)");
        boolean team = country != null && any(sql, table, asText + " = " + quote(country));
        if (ids || team) {
          String mapped =
              "coalesce(substring("
                  + asText
                  + " from '^(.*:)'), '') || md5("
                  + asText
                  + " || k.tag)::uuid::text";
          value =
              "CASE"
                  + (ids ? " WHEN " + asText + " IN (SELECT id FROM depth_id) THEN " + mapped : "")
                  + (team ? " WHEN " + asText + " = " + quote(country) + " THEN k.country" : "")
                  + " ELSE "
                  + asText
                  + " END";
          if (type.equals("uuid")) {
            value = "(" + value + ")::uuid";
          }
        }
      } else if (type.equals("number")
          && session > 0
          && (name.equals("session_number") || name.equals("long_"))
          && any(sql, table, c + " = " + session)) {
        value = "CASE WHEN " + c + " = " + session + " THEN k.session ELSE " + c + " END";
      }
      names.add(name);
      values.add(value);
    }
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", names)
        + ") SELECT "
        + String.join(", ", values)
        + " FROM "
        + copyOf(table)
        + " t CROSS JOIN depth_copy k";
  }

  /** The platform's review first, then byte arrays and executions (referenced), then the rest. */
  private static List<String> insertOrder(List<String> tables) {
    List<String> first =
        List.of("upr_review", "act_ge_bytearray", "act_ru_execution", "act_ru_task");
    List<String> order = new ArrayList<>();
    first.stream().filter(tables::contains).forEach(order::add);
    tables.stream().filter(t -> !order.contains(t)).forEach(order::add);
    return order;
  }

  private boolean any(Statement sql, String table, String condition) throws SQLException {
    return count(sql, "SELECT count(*) FROM " + copyOf(table) + " t WHERE " + condition) > 0;
  }

  private static List<String> camundaTables(Statement sql) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rows =
        sql.executeQuery(
            """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
              AND (table_name LIKE 'act\\_ru\\_%' OR table_name LIKE 'act\\_hi\\_%'
                   OR table_name = 'act_ge_bytearray')
            ORDER BY table_name
            """)) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  private static List<String> reviewTables(Statement sql) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rows =
        sql.executeQuery(
            """
            SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
              AND c.column_name = 'review_id' AND c.table_name LIKE 'upr\\_%'
            ORDER BY c.table_name
            """)) {
      while (rows.next()) {
        if (!NOT_COPIED.contains(rows.getString(1))) {
          tables.add(rows.getString(1));
        }
      }
    }
    return tables;
  }

  /**
   * A table's columns in order, each with its kind: text (character types), uuid, number (integer
   * types), serial (an integer filled by a sequence) or other.
   */
  private static Map<String, String> columns(Statement sql, String table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (ResultSet rows =
        sql.executeQuery(
            "SELECT column_name, data_type, coalesce(column_default, '') FROM"
                + " information_schema.columns WHERE table_schema = current_schema() AND"
                + " table_name = "
                + quote(table)
                + " ORDER BY ordinal_position")) {
      while (rows.next()) {
        String type = rows.getString(2);
        String kind;
        if (rows.getString(3).startsWith("nextval(")) {
          kind = "serial";
        } else if (type.contains("char") || type.equals("text")) {
          kind = "text";
        } else if (type.equals("uuid")) {
          kind = "uuid";
        } else if (type.equals("integer") || type.equals("bigint") || type.equals("smallint")) {
          kind = "number";
        } else {
          kind = "other";
        }
        columns.put(rows.getString(1), kind);
      }
    }
    return columns;
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String copyOf(String table) {
    return "depth_t_" + table;
  }

  static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
