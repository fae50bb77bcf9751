package org.uprengage.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A reachable PostgreSQL server that tests may create and drop databases on. */
public record PostgresServer(
    String host, int port, String user, String password, String adminDatabase, String origin) {

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** Creates an empty database; the name must be a plain identifier (tests make it themselves). */
  public void createDatabase(String name) {
    requirePlainIdentifier(name);
    execute("CREATE DATABASE " + name);
  }

  /** Drops the database unless someone is connected to it (then PostgreSQL refuses). */
  public void dropDatabaseIfUnused(String name) {
    requirePlainIdentifier(name);
    execute("DROP DATABASE IF EXISTS " + name);
  }

  Connection adminConnection() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(adminDatabase), user, password);
  }

  private void execute(String sql) {
    try (Connection connection = adminConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " refused: " + sql, e);
    }
  }

  private static void requirePlainIdentifier(String name) {
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("Not a plain database name: " + name);
    }
  }
}
