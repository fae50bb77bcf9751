package org.uprengage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The task lists at a depth, one request after another (no other load from the client): the loop's
 * own list (one claimable task of a review), a focal point's claimable list and inbox (theirs and
 * claimable) and a coordinator's team list (page 1 of 50 each), through web-api; the peer's list as
 * its workers ask it. Then, with PostgreSQL's {@code auto_explain} (loaded by
 * bench/side-by-side.sh) logging every statement's plan with its run's figures (EXPLAIN ANALYZE,
 * buffers), each list twice more: the plans are in the server's log.
 */
final class ListLatency {

  private static final int WARMUP = 30;
  private static final int TIMED = 200;

  private final JsonHttp api;
  private final JsonHttp peer;
  private final String jdbcBase;
  private final String dbUser;

  ListLatency(String webApiUrl, String peerUrl, String jdbcBase, String dbUser) {
    this.api = new JsonHttp(webApiUrl + "/api");
    this.peer = new JsonHttp(peerUrl + "/engine-rest");
    this.jdbcBase = jdbcBase;
    this.dbUser = dbUser;
  }

  /** A list request and where it goes. */
  private record Request(String name, JsonHttp to, String token, List<String> paths) {}

  /** Measures each list; Markdown rows (list, items of total, p50, p95, p99, max). */
  String measure(PlatformSide platform, List<String> reviews, List<String> peerKeys, int depth)
      throws Exception {
    String focal = platform.token("focal-unicef");
    String coordinator = platform.token("coordinator");
    List<String> loop = new ArrayList<>();
    reviews.forEach(r -> loop.add("/tasks?show=claimable&size=1&reviewId=" + r));
    List<String> peerLoop = new ArrayList<>();
    for (int i = 0; i < peerKeys.size(); i += Side.AGENCIES.size()) {
      peerLoop.add(
          "/task?processInstanceBusinessKey="
              + peerKeys.get(i)
              + "&candidateGroup="
              + Side.AGENCIES.get(0)
              + "&firstResult=0&maxResults=1");
    }
    List<Request> requests =
        List.of(
            new Request(
                "the loop's list (UNICEF's focal point, a review's claimable, size 1)",
                api,
                focal,
                loop),
            new Request(
                "UNICEF's focal point, claimable, page 1 of 50",
                api,
                focal,
                List.of("/tasks?show=claimable&size=50")),
            new Request(
                "UNICEF's focal point, inbox (theirs and claimable), page 1 of 50",
                api,
                focal,
                List.of("/tasks?show=both&size=50")),
            new Request(
                "GHA's coordinator, team, page 1 of 50",
                api,
                coordinator,
                List.of("/tasks?show=team&size=50")),
            new Request(
                "plain engine-rest: the loop's list (business key, group, 1)",
                peer,
                null,
                peerLoop));
    StringBuilder out = new StringBuilder();
    out.append("| depth | list | items of total | p50 | p95 | p99 | max |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (Request request : requests) {
      for (int i = 0; i < WARMUP; i++) {
        call(request, i);
      }
      List<Long> times = new ArrayList<>();
      JsonNode last = null;
      for (int i = 0; i < TIMED; i++) {
        long start = System.nanoTime();
        last = call(request, i);
        times.add((System.nanoTime() - start) / 1_000_000);
      }
      Collections.sort(times);
      String items =
          last.isArray()
              ? last.size() + ""
              : last.get("items").size() + " of " + last.get("total").asLong();
      out.append(
          "| %,d | %s | %s | %d ms | %d ms | %d ms | %d ms |%n"
              .formatted(
                  depth,
                  request.name(),
                  items,
                  BenchClient.percentile(times, 50),
                  BenchClient.percentile(times, 95),
                  BenchClient.percentile(times, 99),
                  times.get(times.size() - 1)));
    }
    explain(requests, depth);
    return out.toString();
  }

  private static JsonNode call(Request request, int i) throws Exception {
    return request
        .to()
        .send("GET", request.paths().get(i % request.paths().size()), request.token(), null, 200);
  }

  /** Each list twice with auto_explain logging every plan (analysed, buffers), then off again. */
  private void explain(List<Request> requests, int depth) throws Exception {
    try (Connection postgres = DriverManager.getConnection(jdbcBase + "postgres", dbUser, "");
        Statement sql = postgres.createStatement()) {
      try {
        sql.execute("ALTER SYSTEM SET auto_explain.log_min_duration = 0");
        sql.execute("ALTER SYSTEM SET auto_explain.log_analyze = on");
        sql.execute("ALTER SYSTEM SET auto_explain.log_buffers = on");
        sql.execute("SELECT pg_reload_conf()");
      } catch (SQLException notLoaded) {
        System.err.println("no plans logged (auto_explain not loaded?): " + notLoaded.getMessage());
        return;
      }
      try {
        Thread.sleep(1000);
        sql.execute(
            "DO $$ BEGIN RAISE LOG 'depth %: plans of the lists follow', " + depth + "; END $$");
        for (Request request : requests) {
          sql.execute(
              "DO $$ BEGIN RAISE LOG 'depth %: %', "
                  + depth
                  + ", "
                  + InstanceCopies.quote(request.name())
                  + "; END $$");
          for (int i = 0; i < 2; i++) {
            call(request, i);
          }
        }
      } finally {
        sql.execute("ALTER SYSTEM RESET auto_explain.log_min_duration");
        sql.execute("ALTER SYSTEM RESET auto_explain.log_analyze");
        sql.execute("ALTER SYSTEM RESET auto_explain.log_buffers");
        sql.execute("SELECT pg_reload_conf()");
      }
    }
  }
}
