package org.uprengage.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a statement from pg_stat_statements does, by kind and main table: {@code SELECT
 * act_ru_task}, {@code SELECT count act_ru_task}, {@code INSERT act_hi_taskinst}, {@code advisory
 * lock}, {@code BEGIN}.
 */
record SqlShape(String kind, String table) {

  private static final Pattern FROM = Pattern.compile("\\bfrom\\s+([a-z0-9_.\"]+)");
  private static final Pattern INTO = Pattern.compile("\\binto\\s+([a-z0-9_.\"]+)");
  private static final Pattern UPDATE = Pattern.compile("^update\\s+([a-z0-9_.\"]+)");

  static SqlShape of(String query) {
    String sql = query.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    if (sql.contains("pg_try_advisory") || sql.contains("pg_advisory")) {
      return new SqlShape("advisory lock", "");
    }
    String verb = sql.split("[ ;(]", 2)[0];
    return switch (verb) {
      case "select", "with" -> {
        String kind = "SELECT";
        if (sql.matches("^select (count|sum)\\s*\\(.*") || sql.contains("select count(")) {
          kind = "SELECT count";
        }
        if (sql.contains(" for update") || sql.contains(" for share")) {
          kind += " for update";
        }
        String table = first(FROM, sql);
        yield new SqlShape(kind, table);
      }
      case "insert" -> new SqlShape("INSERT", first(INTO, sql));
      case "update" -> new SqlShape("UPDATE", first(UPDATE, sql));
      case "delete" -> new SqlShape("DELETE", first(FROM, sql));
      case "begin", "start" -> new SqlShape("BEGIN", "");
      case "commit", "end" -> new SqlShape("COMMIT", "");
      case "rollback" -> new SqlShape("ROLLBACK", "");
      default -> new SqlShape(verb.toUpperCase(Locale.ROOT), "");
    };
  }

  /** Whether this statement writes rows. */
  boolean writes() {
    return kind.equals("INSERT") || kind.equals("UPDATE") || kind.equals("DELETE");
  }

  @Override
  public String toString() {
    return table.isEmpty() ? kind : kind + " " + table;
  }

  private static String first(Pattern pattern, String sql) {
    Matcher matcher = pattern.matcher(sql);
    if (!matcher.find()) {
      return "";
    }
    String name = matcher.group(1).replace("\"", "");
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
