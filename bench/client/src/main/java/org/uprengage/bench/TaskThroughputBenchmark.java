package org.uprengage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Task commands under concurrent users, on a running platform (the local run): a review of GHA in
 * the given WG session is planned with all fourteen agencies, then {@code --users} clients at once
 * each take their own drafting tasks and assign and give them back, as coordinators do, for {@code
 * --seconds}. Every command goes through web-api (bearer token) to workflow-engine and its outbox,
 * in one transaction each. Reports commands per second and each command's latency.
 */
public final class TaskThroughputBenchmark {

  private static final List<String> AGENCIES =
      List.of(
          "FAO", "ILO", "IOM", "OHCHR", "UNAIDS", "UNDP", "UNESCO", "UNFPA", "UNHCR", "UNICEF",
          "UNODC", "UNWOMEN", "WFP", "WHO");

  public static void main(String[] args) throws Exception {
    BenchClient client = BenchClient.fromArgs(args);
    int session = Integer.parseInt(BenchClient.option(args, "--session", "54"));
    int users = Integer.parseInt(BenchClient.option(args, "--users", "8"));
    int seconds = Integer.parseInt(BenchClient.option(args, "--seconds", "30"));
    String coordinator = client.token("coordinator");

    JsonNode review =
        client.call(
            "POST",
            "/reviews",
            coordinator,
            "{\"country\":\"GHA\",\"session\":" + session + "}",
            201);
    String reviewId = review.get("id").asText();
    String plan = client.firstTask(coordinator, reviewId);
    client.call("POST", "/tasks/" + plan + "/claim", coordinator, null, 200);
    client.call(
        "POST",
        "/tasks/" + plan + "/complete",
        coordinator,
        "{\"agencies\":[\"" + String.join("\",\"", AGENCIES) + "\"]}",
        204);
    List<String> drafts = new ArrayList<>();
    while (drafts.size() < AGENCIES.size()) {
      drafts.clear();
      client
          .call(
              "GET",
              "/tasks?show=team&size=100&taskKey=UserTask_DraftAgencySection&reviewId=" + reviewId,
              coordinator,
              null,
              200)
          .get("items")
          .forEach(task -> drafts.add(task.get("id").asText()));
      Thread.sleep(100);
    }

    long until = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(users);
    List<Future<List<Long>>> results = new ArrayList<>();
    for (int user = 0; user < users; user++) {
      List<String> mine = new ArrayList<>();
      for (int i = user; i < drafts.size(); i += users) {
        mine.add(drafts.get(i));
      }
      if (mine.isEmpty()) {
        throw new IllegalArgumentException("At most " + drafts.size() + " users: one task each");
      }
      results.add(
          pool.submit(
              () -> {
                List<Long> latencies = new ArrayList<>();
                for (int i = 0; System.nanoTime() < until; i++) {
                  String task = mine.get(i % mine.size());
                  long start = System.nanoTime();
                  client.call(
                      "POST",
                      "/tasks/" + task + "/assign",
                      coordinator,
                      // a coordinator may hold any agency's task; focal-unicef only UNICEF's
                      "{\"assignee\":\"coordinator\"}",
                      200);
                  latencies.add((System.nanoTime() - start) / 1_000_000);
                  start = System.nanoTime();
                  client.call("POST", "/tasks/" + task + "/unclaim", coordinator, null, 200);
                  latencies.add((System.nanoTime() - start) / 1_000_000);
                }
                return latencies;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> result : results) {
      all.addAll(result.get());
    }
    pool.shutdown();
    Collections.sort(all);
    System.out.printf(
        "review %s, session %d, %d users for %d s: %d task commands, %.1f commands/s;"
            + " latency p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
        reviewId,
        session,
        users,
        seconds,
        all.size(),
        all.size() / (double) seconds,
        BenchClient.percentile(all, 50),
        BenchClient.percentile(all, 90),
        BenchClient.percentile(all, 99),
        all.get(all.size() - 1));
  }
}
