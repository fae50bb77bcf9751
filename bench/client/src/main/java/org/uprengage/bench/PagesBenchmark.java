package org.uprengage.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pages' speed on a running platform (the local run), as a browser meets it: {@code --tasks}
 * open drafting tasks are seeded in the country team (reviews of GHA planned with two agencies, as
 * the side-by-side seed does; left out with {@code --tasks 0}), then the coordinator, signed in
 * with the login form, opens My work showing the team's tasks ({@code /?show=team}) {@code
 * --renders} times, and UNICEF's focal point claims {@code --claims} tasks one after another from
 * their My work as htmx does (the form's POST, answered with the task's row). Times are measured at
 * the client on loopback: what the server takes, plus the loopback's little.
 */
public final class PagesBenchmark {

  private static final String CLAIMABLE = "/?show=claimable";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern COUNT = Pattern.compile("<p class=\"count\">([^<]+)</p>");
  private static final Pattern CLAIM = Pattern.compile("action=\"/tasks/([^\"/]+)/claim\"");
  private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

  private final String base;
  private final HttpClient http;

  private PagesBenchmark(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public static void main(String[] args) throws Exception {
    String url = BenchClient.option(args, "--url", "http://127.0.0.1:8080");
    BenchClient.fromArgs(args); // loopback only
    int tasks = Integer.parseInt(BenchClient.option(args, "--tasks", "1000"));
    int renders = Integer.parseInt(BenchClient.option(args, "--renders", "200"));
    int claims = Integer.parseInt(BenchClient.option(args, "--claims", "100"));
    int warmup = Integer.parseInt(BenchClient.option(args, "--warmup", "30"));
    if (tasks > 0) {
      long start = System.nanoTime();
      new PlatformSide(url).seed(tasks, 4);
      System.out.printf(
          "seeded %d drafting tasks in %d s%n",
          tasks, (System.nanoTime() - start) / 1_000_000_000L);
    }

    PagesBenchmark coordinator = new PagesBenchmark(url);
    coordinator.signIn("coordinator");
    String first = coordinator.page("/?show=team");
    System.out.println("My work (team): " + match(COUNT, first, 1));
    for (int i = 0; i < warmup; i++) {
      coordinator.page("/?show=team");
    }
    List<Long> rendered = new ArrayList<>();
    for (int i = 0; i < renders; i++) {
      long start = System.nanoTime();
      coordinator.page("/?show=team");
      rendered.add((System.nanoTime() - start) / 1_000_000);
    }
    print("My work, the team's tasks (GET /?show=team)", rendered);

    PagesBenchmark focalPoint = new PagesBenchmark(url);
    focalPoint.signIn("focal-unicef");
    // the tasks they may claim, claimed one after another down the list as a person would; the
    // list (not timed) is loaded again once its page is used up, as claimed tasks leave it
    String list = focalPoint.page(CLAIMABLE);
    Matcher claim = CLAIM.matcher(list);
    List<Long> roundTrips = new ArrayList<>();
    for (int i = 0; i < warmup + claims; i++) {
      if (!claim.find()) {
        list = focalPoint.page(CLAIMABLE);
        claim = CLAIM.matcher(list);
        if (!claim.find()) {
          throw new IllegalStateException(
              "No task left to claim on My work after " + i + " claims");
        }
      }
      // the claim's form: its CSRF token and the task's version, as the browser sends them
      String form = list.substring(claim.end(), list.indexOf("</form>", claim.end()));
      String task = claim.group(1);
      long start = System.nanoTime();
      String row =
          focalPoint.htmxPost(
              "/tasks/" + task + "/claim",
              Map.of(
                  "_csrf",
                  match(CSRF, form, 1),
                  "version",
                  match(VERSION, form, 1),
                  "back",
                  CLAIMABLE));
      long shown = System.nanoTime();
      // what htmx swaps in: the task's row, now the person's, and the message out of band
      if (!row.contains("<tr id=\"task-" + task + "\"")
          || !row.contains("/tasks/" + task + "/unclaim")
          || !row.contains("The task is yours.")) {
        throw new IllegalStateException("The claim of " + task + " was not answered with its row");
      }
      if (i >= warmup) {
        roundTrips.add((shown - start) / 1_000_000);
      }
    }
    print("Claim from My work: the POST and the row htmx swaps in", roundTrips);
  }

  /** Signs in with the login form: its CSRF token, then the POST; the session cookie is kept. */
  private void signIn(String username) throws Exception {
    String login = page("/login");
    String next =
        post(
            "/login",
            Map.of("username", username, "password", "demo", "_csrf", match(CSRF, login, 1)));
    if (next.contains("error")) {
      throw new IllegalStateException("Sign-in of " + username + " refused");
    }
  }

  /** GETs a page as htmx would swap it in (HX-Request), insisting on 200. */
  private String page(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": " + response.statusCode());
    }
    return response.body();
  }

  /** POSTs a form as htmx does (HX-Request), insisting on 200; the answer htmx swaps in. */
  private String htmxPost(String path, Map<String, String> form) throws Exception {
    HttpResponse<String> response = send(path, form);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("POST " + path + ": " + response.statusCode());
    }
    return response.body();
  }

  /** POSTs a form, insisting on a redirect; where it leads. */
  private String post(String path, Map<String, String> form) throws Exception {
    HttpResponse<String> response = send(path, form);
    if (response.statusCode() != 302) {
      throw new IllegalStateException("POST " + path + ": " + response.statusCode());
    }
    String location = response.headers().firstValue("Location").orElseThrow();
    return location.startsWith(base) ? location.substring(base.length()) : location;
  }

  private HttpResponse<String> send(String path, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                field ->
                    URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("HX-Request", "true")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String match(Pattern pattern, String text, int group) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("Not found on the page: " + pattern);
    }
    return matcher.group(group);
  }

  private static void print(String what, List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    System.out.printf(
        "%s: %d requests; p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
        what,
        sorted.size(),
        BenchClient.percentile(sorted, 50),
        BenchClient.percentile(sorted, 95),
        BenchClient.percentile(sorted, 99),
        sorted.get(sorted.size() - 1));
  }
}
