package org.uprengage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The recommendations register at scale, through web-api with the GHA coordinator's bearer token.
 *
 * <p>Seeding (left out where the engine's database already holds the seed review): one review of
 * GHA started through the API on a WG session the seed adds, its list of {@code --recommendations}
 * imported through the API as CSV and its lead agencies given through the API (by SDG); then, in
 * SQL on the engine's database, {@code --reviews - 1} other country teams (the States of {@code
 * upr_state_name}), one review each (without a process: reviews of a past cycle, whose
 * recommendations are being implemented) holding a copy of that register, and for every
 * recommendation with a lead agency {@code --updates} progress updates by the lead agency (counted,
 * as in a team that clears nothing), the recommendation's status and as-of date set from the latest
 * one as the register keeps them; then ANALYZE.
 *
 * <p>Measured, one request after another: the review's list (page 1, default sort) and each filter,
 * the country team's list across reviews, the implementation matrix (JSON, CSV, docx), and the
 * import of a list of {@code --import-rows} into a fresh review (and the same list again).
 */
public final class RecommendationsBenchmark {

  static final String SEED_BY = "bench-recommendations";
  private static final String COUNTRY = PlatformSide.COUNTRY;
  private static final List<String> LEADS =
      List.of("UNICEF", "UNDP", "UNFPA", "WHO", "UNWOMEN", "ILO", "UNESCO", "UNHCR");
  private static final List<String> STATES =
      List.of(
          "France",
          "Germany",
          "Brazil",
          "Chile",
          "Mexico",
          "Canada",
          "Australia",
          "Japan",
          "India",
          "Indonesia",
          "Kenya",
          "Senegal",
          "Nigeria",
          "Egypt",
          "Tunisia",
          "Morocco",
          "Spain",
          "Portugal",
          "Italy",
          "Norway",
          "Sweden",
          "Finland",
          "Denmark",
          "Iceland",
          "Ireland",
          "Austria",
          "Switzerland",
          "Belgium",
          "Luxembourg",
          "Netherlands",
          "Poland",
          "Ukraine",
          "Georgia",
          "Armenia",
          "Argentina",
          "Uruguay",
          "Paraguay",
          "Peru",
          "Ecuador",
          "Colombia",
          "Panama",
          "Costa Rica",
          "Cuba",
          "Haiti",
          "Jamaica",
          "Philippines",
          "Thailand",
          "Malaysia",
          "Singapore",
          "Fiji");
  private static final String[][] THEMES = {
    {"Acceptance of international norms", "Enforced disappearances", "Disappeared persons"},
    {"Rights of the child", "Children: protection against exploitation", "Children"},
    {"Women's rights", "Violence against women", "Women"},
    {"Right to education", "Access to education", "Children"},
    {"Right to health", "Sexual and reproductive health", "Women"},
    {"Torture and other CID treatment", "Conditions of detention", "Persons deprived of liberty"},
    {"Death penalty", "Moratorium on the death penalty", "General"},
    {"Freedom of opinion and expression", "Human rights defenders", "Human rights defenders"},
    {"Business & human rights", "Labour rights", "Workers"},
    {"Migrants", "Trafficking in persons", "Migrants"},
    {"Persons with disabilities", "Inclusive education", "Persons with disabilities"},
    {"Administration of justice", "Fair trial", "General"},
  };
  private static final String[] VERBS = {
    "Ratify",
    "Adopt",
    "Strengthen",
    "Ensure",
    "Take further measures on",
    "Implement",
    "Review",
    "Continue efforts on",
    "Allocate resources to",
    "Establish"
  };
  private static final String[] OBJECTS = {
    "the Optional Protocol to the Convention against Torture",
    "a national action plan on business and human rights",
    "legislation criminalising marital rape",
    "free and compulsory primary education for all children",
    "access to sexual and reproductive health services in rural areas",
    "the independence of the national human rights institution",
    "a moratorium on executions with a view to abolishing the death penalty",
    "the protection of journalists and human rights defenders",
    "the prohibition of child labour in artisanal mining",
    "the identification of victims of trafficking",
    "inclusive education for children with disabilities",
    "legal aid for persons in pre-trial detention",
    "birth registration in remote districts",
    "the eradication of female genital mutilation",
    "measures against stigma towards persons accused of witchcraft",
  };

  private final String api;
  private final String jdbcUrl;
  private final String dbUser;
  private final String dbPassword;
  private final PlatformSide platform;
  private final JsonHttp json;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private String admin;
  private String coordinator;

  private RecommendationsBenchmark(String url, String jdbcUrl, String dbUser, String dbPassword) {
    this.api = url + "/api";
    this.jdbcUrl = jdbcUrl;
    this.dbUser = dbUser;
    this.dbPassword = dbPassword;
    this.platform = new PlatformSide(url);
    this.json = new JsonHttp(api);
  }

  public static void main(String[] args) throws Exception {
    String url = BenchClient.option(args, "--url", "http://127.0.0.1:8080");
    String db = BenchClient.option(args, "--db", "jdbc:postgresql://127.0.0.1:5432/upr_engine");
    if (!URI.create(db.substring("jdbc:".length()))
        .getHost()
        .matches("127\\.0\\.0\\.1|localhost")) {
      throw new IllegalArgumentException("Benchmarks run against this machine only: " + db);
    }
    int reviews = Integer.parseInt(BenchClient.option(args, "--reviews", "193"));
    int recommendations = Integer.parseInt(BenchClient.option(args, "--recommendations", "250"));
    int updates = Integer.parseInt(BenchClient.option(args, "--updates", "3"));
    int requests = Integer.parseInt(BenchClient.option(args, "--requests", "200"));
    int warmup = Integer.parseInt(BenchClient.option(args, "--warmup", "30"));
    int imports = Integer.parseInt(BenchClient.option(args, "--imports", "5"));
    int importRows = Integer.parseInt(BenchClient.option(args, "--import-rows", "254"));
    int matrices = Integer.parseInt(BenchClient.option(args, "--matrices", "20"));
    RecommendationsBenchmark bench =
        new RecommendationsBenchmark(
            url,
            db,
            BenchClient.option(args, "--db-user", "postgres"),
            BenchClient.option(args, "--db-password", ""));
    bench.admin = bench.platform.token("admin");
    bench.coordinator = bench.platform.token("coordinator");

    UUID review = bench.seedReview();
    if (review == null) {
      long start = System.nanoTime();
      review = bench.seed(reviews, recommendations, updates);
      System.out.printf("seeded in %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
    }
    bench.describe();

    Map<String, String> lists = new LinkedHashMap<>();
    String of = "/reviews/" + review + "/recommendations";
    lists.put("list, page 1, default sort", of);
    lists.put("filter theme", of + "?theme=" + encode(THEMES[2][0]));
    lists.put("filter SDG", of + "?sdg=16");
    lists.put("filter position", of + "?position=noted");
    lists.put("filter lead agency", of + "?leadAgency=UNICEF");
    lists.put("filter status", of + "?status=in-progress");
    lists.put("filter text", of + "?text=" + encode("death penalty"));
    lists.put("filter recommending State (code)", of + "?state=FRA");
    lists.put("filter recommending State (name)", of + "?state=France");
    lists.put("team across reviews ?countryTeam=", "/recommendations?countryTeam=" + COUNTRY);
    lists.put(
        "team across reviews, text", "/recommendations?countryTeam=" + COUNTRY + "&text=torture");
    System.out.println();
    System.out.println("| request | items of total | p50 | p95 | p99 | max |");
    System.out.println("|---|---|---|---|---|---|");
    for (Map.Entry<String, String> list : lists.entrySet()) {
      JsonNode first = bench.json.send("GET", list.getValue(), bench.coordinator, null, 200);
      String found = first.get("items").size() + " of " + first.get("total").asLong();
      List<Long> times = bench.time(warmup, requests, list.getValue(), "application/json");
      System.out.println(row(list.getKey(), found, times));
    }
    for (String format : List.of("json", "csv", "docx")) {
      String path = "/reviews/" + review + "/implementation-matrix?format=" + format;
      List<Long> times = bench.time(Math.min(warmup, 5), matrices, path, "*/*");
      System.out.println(row("matrix " + format, "", times));
    }

    System.out.println();
    System.out.println("| import of " + importRows + " rows (CSV) | wall time | result |");
    System.out.println("|---|---|---|");
    byte[] csv = csv(importRows, 7);
    for (int i = 0; i < imports; i++) {
      UUID fresh = bench.startReview();
      for (int again = 0; again < 2; again++) {
        long start = System.nanoTime();
        JsonNode result = bench.importCsv(fresh, csv);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
            "| %s, run %d | %d ms | added %d, updated %d, unchanged %d |%n",
            again == 0 ? "into a fresh review" : "the same list again",
            i + 1,
            millis,
            result.get("added").asInt(),
            result.get("updated").asInt(),
            result.get("unchanged").asInt());
      }
    }
  }

  /** The review the seed made, where the engine's database holds it. */
  private UUID seedReview() throws Exception {
    try (Connection db = connect();
        PreparedStatement ps =
            db.prepareStatement(
                "SELECT r.review_id FROM upr_recommendation r JOIN upr_review v ON v.id = r.review_id"
                    + " WHERE v.country = ? AND r.lead_agency IS NOT NULL"
                    + " AND EXISTS (SELECT 1 FROM upr_review o WHERE o.started_by = ?)"
                    + " GROUP BY r.review_id ORDER BY count(*) DESC LIMIT 1")) {
      ps.setString(1, COUNTRY);
      ps.setString(2, SEED_BY);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getObject(1, UUID.class) : null;
      }
    }
  }

  private UUID seed(int reviews, int recommendations, int updates) throws Exception {
    UUID review = startReview();
    JsonNode imported = importCsv(review, csv(recommendations, 3));
    System.out.println("seed review " + review + ": " + imported);
    // Lead agencies as a coordinator gives them, by SDG (the recommendations without one stay
    // without a lead), each with the next agency supporting.
    for (int sdg = 1; sdg <= 17; sdg++) {
      String lead = LEADS.get(sdg % LEADS.size());
      String supporting = LEADS.get((sdg + 1) % LEADS.size());
      json.send(
          "POST",
          "/reviews/" + review + "/recommendations/assignments",
          coordinator,
          "{\"leadAgency\":\"%s\",\"supportingAgencies\":[\"%s\"],\"sdg\":%d}"
              .formatted(lead, supporting, sdg),
          200);
    }
    try (Connection db = connect()) {
      db.setAutoCommit(false);
      try (Statement sql = db.createStatement()) {
        // The other States' teams and one review each, in cycle 3's sessions (28 to 40).
        sql.executeUpdate(
            """
            INSERT INTO upr_session (number, cycle, starts_on, ends_on)
            SELECT n, 3, DATE '2017-05-01' + (n - 28) * 120, DATE '2017-05-12' + (n - 28) * 120
            FROM generate_series(28, 40) n ON CONFLICT (number) DO NOTHING
            """);
        int teams =
            sql.executeUpdate(
                """
                INSERT INTO upr_country_team (code, name, created_by, created_at)
                SELECT code, 'United Nations Country Team in ' || min(name), '%s', now()
                FROM upr_state_name WHERE code <> '%s'
                GROUP BY code ORDER BY code LIMIT %d
                ON CONFLICT (code) DO NOTHING
                """
                    .formatted(SEED_BY, COUNTRY, reviews - 1));
        sql.executeUpdate(
            """
            INSERT INTO upr_review (id, country, session_number, started_by, started_at)
            SELECT gen_random_uuid(), t.code, 28 + (row_number() OVER (ORDER BY t.code))::int %% 13,
                   '%s', now() - interval '3 years'
            FROM upr_country_team t
            WHERE t.created_by = '%s' AND NOT EXISTS (SELECT 1 FROM upr_review v WHERE v.country = t.code)
            """
                .formatted(SEED_BY, SEED_BY));
        // A copy of the seed review's register in each, as the import and the assignments wrote it.
        int copied =
            sql.executeUpdate(
                """
                INSERT INTO upr_recommendation (id, review_id, mechanism, paragraph, text,
                    recommending_states, state_codes, theme_heading, themes, groups_of_persons, sdgs,
                    position, position_symbol, position_paragraph, paragraph_order, added_by, added_at,
                    updated_by, updated_at, lead_agency, supporting_agencies, assigned_by, assigned_at)
                SELECT gen_random_uuid(), v.id, r.mechanism, r.paragraph, r.text,
                    r.recommending_states, r.state_codes, r.theme_heading, r.themes,
                    r.groups_of_persons, r.sdgs, r.position, r.position_symbol, r.position_paragraph,
                    r.paragraph_order, r.added_by, r.added_at, r.updated_by, r.updated_at,
                    r.lead_agency, r.supporting_agencies, r.assigned_by, r.assigned_at
                FROM upr_recommendation r CROSS JOIN upr_review v
                WHERE r.review_id = '%s' AND v.started_by = '%s'
                """
                    .formatted(review, SEED_BY));
        // Progress: each update by the lead agency's focal point, a quarter apart, the status
        // rising to the last one's; counted (not-required: the team clears nothing).
        int reported =
            sql.executeUpdate(
                """
                INSERT INTO upr_recommendation_progress (id, recommendation_id, agency, status,
                    narrative, evidence, as_of, reported_by, reported_at, clearance)
                SELECT gen_random_uuid(), r.id, r.lead_agency,
                    (ARRAY['not-started', 'in-progress', 'partially-implemented', 'implemented'])
                        [1 + greatest(0, abs(hashtext(r.id::text)) %% 4 - (%d - k))],
                    'Update ' || k || ' on ' || r.paragraph || ': ' || left(r.text, 120),
                    ARRAY['https://evidence.example.org/' || r.id || '/' || k],
                    current_date - (%d - k) * 91, 'focal-' || lower(r.lead_agency),
                    now() - (%d - k) * interval '91 days', 'not-required'
                FROM upr_recommendation r CROSS JOIN generate_series(1, %d) k
                WHERE r.lead_agency IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM upr_recommendation_progress p
                                  WHERE p.recommendation_id = r.id)
                ORDER BY k, r.id
                """
                    .formatted(updates, updates, updates, updates));
        sql.executeUpdate(
            """
            UPDATE upr_recommendation r SET status = p.status, status_as_of = p.as_of
            FROM (SELECT DISTINCT ON (recommendation_id) recommendation_id, status, as_of
                  FROM upr_recommendation_progress
                  WHERE clearance IN ('not-required', 'cleared')
                  ORDER BY recommendation_id, as_of DESC, number DESC) p
            WHERE p.recommendation_id = r.id
            """);
        db.commit();
        System.out.printf(
            "seeded in SQL: %d country teams, %d recommendations copied, %d progress updates%n",
            teams, copied, reported);
        db.setAutoCommit(true);
        sql.execute("ANALYZE");
      }
    }
    return review;
  }

  private void describe() throws Exception {
    try (Connection db = connect();
        Statement sql = db.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "SELECT (SELECT count(*) FROM upr_review WHERE id IN"
                    + " (SELECT review_id FROM upr_recommendation)),"
                    + " (SELECT count(*) FROM upr_recommendation),"
                    + " (SELECT count(*) FROM upr_recommendation WHERE lead_agency IS NOT NULL),"
                    + " (SELECT count(*) FROM upr_recommendation_progress)")) {
      rs.next();
      System.out.printf(
          "register: %d reviews, %d recommendations (%d with a lead agency), %d progress"
              + " updates%n",
          rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
    }
  }

  /** A review of GHA on a WG session the seed adds (the first free one from 999 down). */
  private UUID startReview() throws Exception {
    Set<Integer> taken = new HashSet<>();
    json.send("GET", "/sessions", admin, null, 200)
        .forEach(s -> taken.add(s.get("number").asInt()));
    int number = 999;
    while (taken.contains(number)) {
      number--;
    }
    return UUID.fromString(platform.startReview(admin, coordinator, number));
  }

  private JsonNode importCsv(UUID review, byte[] csv) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(api + "/reviews/" + review + "/recommendations/imports"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", coordinator)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "import answered " + response.statusCode() + ": " + response.body());
    }
    return JsonHttp.JSON.readTree(response.body());
  }

  /** Times {@code count} GETs after {@code warmup} untimed ones, in milliseconds. */
  private List<Long> time(int warmup, int count, String path, String accept) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", coordinator)
            .header("Accept", accept)
            .build();
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < warmup + count; i++) {
      long start = System.nanoTime();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (response.statusCode() != 200 || response.body().length == 0) {
        throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
      }
      if (i >= warmup) {
        times.add(millis);
      }
    }
    return times;
  }

  /**
   * A list as the documented CSV: {@code rows} recommendations of paragraph 140 onwards, each by
   * one to three States, with a theme heading and its themes, a group of persons, one or two SDGs
   * (one in twelve none), and a position with where it was given; {@code salt} varies the wording.
   */
  static byte[] csv(int rows, int salt) {
    StringBuilder out =
        new StringBuilder(
            "paragraph,text,recommending_states,theme,themes,groups_of_persons,sdgs,position,"
                + "position_source\r\n");
    for (int i = 1; i <= rows; i++) {
      int h = (i * 31 + salt * 17) & 0x7fffffff;
      String[] theme = THEMES[h % THEMES.length];
      List<String> states = new ArrayList<>();
      for (int s = 0; s <= h % 3; s++) {
        String state = STATES.get((h / 3 + s * 7 + i) % STATES.size());
        if (!states.contains(state)) {
          states.add(state);
        }
      }
      String text =
          VERBS[(h / 5) % VERBS.length]
              + " "
              + OBJECTS[(i + salt) % OBJECTS.length]
              + ", in line with the "
              + theme[1].toLowerCase()
              + " commitments of cycle "
              + (3 + i % 2)
              + " ("
              + String.join(") (", states)
              + ");";
      String sdgs = h % 12 == 0 ? "" : (1 + h % 17) + (h % 3 == 0 ? "" : ";" + (1 + (h / 7) % 17));
      boolean noted = h % 10 < 3;
      out.append(140)
          .append('.')
          .append(i)
          .append(',')
          .append(quote(text))
          .append(',')
          .append(quote(String.join(";", states)))
          .append(',')
          .append(quote(theme[0]))
          .append(',')
          .append(quote(theme[0] + ";" + theme[1]))
          .append(',')
          .append(quote(theme[2]))
          .append(',')
          .append(sdgs)
          .append(',')
          .append(noted ? "Noted" : "Supported")
          .append(',')
          .append("A/HRC/58/12/Add.1 - Para. ")
          .append(noted ? 9 : 5)
          .append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String cell) {
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
  }

  private static String row(String what, String found, List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return "| %s | %s | %d ms | %d ms | %d ms | %d ms |"
        .formatted(
            what,
            found,
            BenchClient.percentile(sorted, 50),
            BenchClient.percentile(sorted, 95),
            BenchClient.percentile(sorted, 99),
            sorted.get(sorted.size() - 1));
  }
}
