package org.uprengage.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL chores of the local run.
 *
 * <ul>
 *   <li>{@code embedded <data dir> <port>}: runs real PostgreSQL binaries (from Maven Central) on
 *       127.0.0.1, keeping its data in the folder given, until the process is stopped;
 *   <li>{@code ensure-databases <host> <port> <user> <password> <name>...}: creates the databases
 *       that do not exist yet.
 * </ul>
 */
public final class LocalPostgres {

  private LocalPostgres() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("embedded")) {
      embedded(Path.of(args[1]), Integer.parseInt(args[2]));
    } else if (args.length >= 6 && args[0].equals("ensure-databases")) {
      ensureDatabases(
          args[1],
          Integer.parseInt(args[2]),
          args[3],
          args[4],
          Arrays.copyOfRange(args, 5, args.length));
    } else {
      System.err.println(
          "usage: embedded <data dir> <port> | ensure-databases <host> <port> <user> <password> <name>...");
      System.exit(2);
    }
  }

  private static void embedded(Path dataDirectory, int port)
      throws IOException, InterruptedException {
    Files.createDirectories(dataDirectory);
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setRegisterShutdownHook(false)
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    postgres.close();
                  } catch (IOException e) {
                    System.err.println(
                        "Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                  }
                  stopped.countDown();
                }));
    System.out.println(
        "Embedded PostgreSQL ready on 127.0.0.1:"
            + postgres.getPort()
            + " (data in "
            + dataDirectory
            + ")");
    stopped.await();
  }

  private static void ensureDatabases(
      String host, int port, String user, String password, String... names) throws SQLException {
    try (Connection connection =
        DriverManager.getConnection(
            "jdbc:postgresql://" + host + ":" + port + "/postgres", user, password)) {
      for (String name : names) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
          throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
          exists.setString(1, name);
          try (ResultSet row = exists.executeQuery()) {
            if (row.next()) {
              continue;
            }
          }
        }
        try (Statement create = connection.createStatement()) {
          create.execute("CREATE DATABASE " + name);
          System.out.println("Created database " + name);
        }
      }
    }
  }
}
