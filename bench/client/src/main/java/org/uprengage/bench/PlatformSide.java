package org.uprengage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * UPR Engage through web-api, with bearer tokens (one password check per user, then tokens): the
 * agencies' drafting tasks of reviews of GHA, one review per WG session, which the seed adds to the
 * calendar as admin and plans with two agencies.
 */
final class PlatformSide implements Side {

  static final String COUNTRY = "GHA";
  static final String TASK_PLAN = "UserTask_PlanSubmission";
  static final String TASK_DRAFT = "UserTask_DraftAgencySection";
  private static final List<String> FOCAL_POINTS = List.of("focal-unicef", "focal-undp");

  private final JsonHttp api;

  PlatformSide(String webApiUrl) {
    this.api = new JsonHttp(webApiUrl + "/api");
  }

  @Override
  public String name() {
    return "UPR Engage via web-api";
  }

  /** A bearer token for a demo user (password "demo"). */
  String token(String username) throws Exception {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString((username + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return "Bearer "
        + api.send("POST", "/auth/token", "Basic " + basic, null, 200).get("accessToken").asText();
  }

  @Override
  public List<String> seed(int tasks, int threads) throws Exception {
    String admin = token("admin");
    String coordinator = token("coordinator");
    int reviews = (tasks + AGENCIES.size() - 1) / AGENCIES.size();
    Set<Integer> taken = new HashSet<>();
    api.send("GET", "/sessions", admin, null, 200).forEach(s -> taken.add(s.get("number").asInt()));
    List<Integer> sessions = new ArrayList<>();
    for (int number = 999; number >= 1 && sessions.size() < reviews; number--) {
      if (!taken.contains(number)) {
        sessions.add(number);
      }
    }
    if (sessions.size() < reviews) {
      throw new IllegalArgumentException(
          "At most "
              + sessions.size() * AGENCIES.size()
              + " tasks: one review of GHA per WG session");
    }
    List<String> reviewIds =
        parallel(
            threads,
            sessions,
            number -> {
              String review = startReview(admin, coordinator, number);
              String plan = waitForTask(coordinator, "show=team&reviewId=" + review, TASK_PLAN);
              api.send("POST", "/tasks/" + plan + "/claim", coordinator, null, 200);
              api.send(
                  "POST",
                  "/tasks/" + plan + "/complete",
                  coordinator,
                  "{\"agencies\":[\"" + String.join("\",\"", AGENCIES) + "\"]}",
                  204);
              return review;
            });
    Instant deadline = Instant.now().plusSeconds(300);
    long drafts = 0;
    while (Instant.now().isBefore(deadline)) {
      drafts =
          api.send("GET", "/tasks?show=team&size=1&taskKey=" + TASK_DRAFT, coordinator, null, 200)
              .get("total")
              .asLong();
      if (drafts >= (long) reviews * AGENCIES.size()) {
        return reviewIds;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "Only "
            + drafts
            + " of "
            + reviews * AGENCIES.size()
            + " drafting tasks appeared in 5 min");
  }

  /**
   * Adds WG session {@code number} to the calendar as admin, years ahead (no reminder or deadline
   * comes due while a benchmark runs), and starts a review of GHA in it as the coordinator; its id.
   */
  String startReview(String admin, String coordinator, int number) throws Exception {
    LocalDate opens = LocalDate.now().plusYears(8).plusDays(number);
    api.send(
        "POST",
        "/sessions",
        admin,
        "{\"number\":%d,\"startsOn\":\"%s\",\"endsOn\":\"%s\",\"datesTentative\":false}"
            .formatted(number, opens, opens.plusDays(11)),
        201);
    return api.send(
            "POST",
            "/reviews",
            coordinator,
            "{\"country\":\"%s\",\"session\":%d}".formatted(COUNTRY, number),
            201)
        .get("id")
        .asText();
  }

  /** The first task with the key given that the query finds, once it appears. */
  private String waitForTask(String token, String query, String taskKey) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      JsonNode items =
          api.send("GET", "/tasks?size=1&taskKey=" + taskKey + "&" + query, token, null, 200)
              .get("items");
      if (items.size() > 0) {
        return items.get(0).get("id").asText();
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("No " + taskKey + " appeared for " + query);
  }

  /**
   * Worker {@code index} works as one agency's focal point (even: UNICEF, odd: UNDP) on its share
   * of the reviews, one review after another; each review's drafting task is done once.
   */
  @Override
  public Worker worker(int index, int count, List<String> reviewIds) throws Exception {
    int agency = index % AGENCIES.size();
    int shares = (count + AGENCIES.size() - 1) / AGENCIES.size();
    List<String> mine = new ArrayList<>();
    for (int r = index / AGENCIES.size(); r < reviewIds.size(); r += shares) {
      mine.add(reviewIds.get(r));
    }
    // The agencies' workers of one share go through its reviews from different ends, so two
    // workers are not in the same review (its row holds the review's event sequence) at once.
    if (agency % 2 == 1) {
      java.util.Collections.reverse(mine);
    }
    String token = token(FOCAL_POINTS.get(agency));
    String body = "{\"text\":" + JsonHttp.quote(SECTION_TEXT) + "}";
    return new Worker() {
      private int next;
      private int warmed;

      @Override
      public void claimAndGiveBack() throws Exception {
        requireTasksLeft();
        String review = mine.get(next + warmed++ % (mine.size() - next));
        String task = claimable(review);
        api.send("POST", "/tasks/" + task + "/claim", token, null, 200);
        api.send("POST", "/tasks/" + task + "/unclaim", token, null, 200);
      }

      private void requireTasksLeft() throws OutOfTasksException {
        if (next >= mine.size()) {
          throw new OutOfTasksException(
              "Worker " + index + " has done its " + mine.size() + " drafting tasks");
        }
      }

      private String claimable(String review) throws Exception {
        JsonNode items =
            api.send("GET", "/tasks?show=claimable&size=1&reviewId=" + review, token, null, 200)
                .get("items");
        if (items.size() != 1 || !TASK_DRAFT.equals(items.get(0).get("taskKey").asText())) {
          throw new IllegalStateException(
              "No drafting task to claim in review " + review + ": " + items);
        }
        return items.get(0).get("id").asText();
      }

      @Override
      public long[] pair() throws Exception {
        requireTasksLeft();
        String review = mine.get(next++);
        long start = System.nanoTime();
        String task = claimable(review);
        long listed = System.nanoTime();
        api.send("POST", "/tasks/" + task + "/claim", token, null, 200);
        long claimed = System.nanoTime();
        api.send("POST", "/tasks/" + task + "/complete", token, body, 204);
        long completed = System.nanoTime();
        return new long[] {
          (listed - start) / 1_000_000,
          (claimed - listed) / 1_000_000,
          (completed - claimed) / 1_000_000
        };
      }
    };
  }

  /** Runs {@code work} on each item with {@code threads} threads; the results in item order. */
  static <T, R> List<R> parallel(int threads, List<T> items, ThrowingFunction<T, R> work)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> work.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A function that may fail. */
  interface ThrowingFunction<T, R> {
    R apply(T item) throws Exception;
  }
}
