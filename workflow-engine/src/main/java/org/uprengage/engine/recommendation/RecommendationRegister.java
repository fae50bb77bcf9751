package org.uprengage.engine.recommendation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.PreviousRecommendationCounts;

/**
 * The register of each review's recommendations: filled by importing a list (added, updated by
 * paragraph number, or left as they are), browsed with filters by the review's country team, and
 * counted for the review's outcome.
 */
@Service
public class RecommendationRegister {

  static final int MAX_PAGE_SIZE = 200;
  static final int MAX_FILTER_LENGTH = 200;
  private static final Pattern TEAM = Pattern.compile("[A-Z]{3}");
  private static final Map<String, String> SORTS =
      Map.of(
          "paragraph", "r.paragraph_order",
          "position", "r.position, r.paragraph_order",
          "theme", "r.theme_heading NULLS LAST, r.paragraph_order");

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final Clock clock;
  private final EventOutbox outbox;
  private final ReviewWorkflow reviews;
  private final ListReader reader;
  private final RecommendationPositions positions;

  RecommendationRegister(
      JdbcTemplate jdbc,
      NamedParameterJdbcTemplate named,
      Clock clock,
      EventOutbox outbox,
      ReviewWorkflow reviews,
      ListReader reader,
      RecommendationPositions positions) {
    this.jdbc = jdbc;
    this.named = named;
    this.clock = clock;
    this.outbox = outbox;
    this.reviews = reviews;
    this.reader = reader;
    this.positions = positions;
  }

  /**
   * Imports a list into the review's register, in the caller's transaction: new paragraph numbers
   * are added, known ones updated where the list says something else (what the register holds
   * beyond the list stays), rows it cannot take are reported and the rest taken.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public ImportResult importList(Caller caller, UUID reviewId, byte[] list) {
    visible(caller, reviewId);
    if (!caller.hasRole(Caller.COORDINATOR) && !caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden("Only coordinators and admins import recommendations.");
    }
    ParsedList parsed = reader.read(list);
    // One import of a review at a time: the second waits and then finds the first's rows.
    jdbc.queryForList("SELECT id FROM upr_review WHERE id = ? FOR UPDATE", reviewId);
    Map<String, Recommendation> held = new HashMap<>();
    for (Recommendation recommendation : query("r.review_id = :review", review(reviewId), "")) {
      held.put(recommendation.paragraph(), recommendation);
    }
    List<ListedRecommendation> added = new ArrayList<>();
    int updated = 0;
    int unchanged = 0;
    Instant now = clock.instant();
    for (ListedRecommendation listed : parsed.rows()) {
      Recommendation known = held.get(listed.paragraph());
      if (known == null) {
        added.add(listed);
      } else if (listed.sameAs(known)) {
        unchanged++;
      } else {
        update(known, listed, caller.username(), now);
        updated++;
      }
    }
    insert(reviewId, added, caller.username(), now);
    int total = counts(reviewId).map(Counts::recommendations).orElse(0);
    outbox.append(
        reviewId,
        new RecommendationsImported(
            parsed.format(),
            added.size(),
            updated,
            unchanged,
            parsed.rejected().size(),
            total,
            caller.username()));
    return new ImportResult(
        parsed.format(), added.size(), updated, unchanged, List.copyOf(parsed.rejected()), total);
  }

  /** One page of the review's recommendations that match the filter. */
  @Transactional(readOnly = true)
  public RecommendationPage list(
      Caller caller, UUID reviewId, RecommendationFilter filter, int page, int size) {
    visible(caller, reviewId);
    // One review: its rows share one session, so the sort is the register's alone and the index
    // on (review_id, paragraph_order) gives a page without sorting the whole register.
    return page("r.review_id = :review", "", review(reviewId), filter, page, size);
  }

  /** One page of the recommendations of every review of a country team, the latest first. */
  @Transactional(readOnly = true)
  public RecommendationPage ofCountryTeam(
      Caller caller, String countryTeam, RecommendationFilter filter, int page, int size) {
    if (countryTeam == null || !TEAM.matcher(countryTeam).matches()) {
      throw new InvalidInput(
          "countryTeam", "must be a country team's ISO 3166-1 alpha-3 code such as GHA");
    }
    if (!caller.belongsTo(countryTeam)) {
      throw new NotFound("Country team", countryTeam);
    }
    // The team's reviews first, as an array: the register is then read through its review_id
    // index, as much of it as the team holds, where with the team as a join condition the planner
    // read the whole register for a text filter (a sequential scan, every row's text matched).
    return page(
        "r.review_id = ANY (ARRAY(SELECT id FROM upr_review WHERE country = :team))",
        "v.session_number DESC, ",
        new MapSqlParameterSource("team", countryTeam),
        filter,
        page,
        size);
  }

  /**
   * The recommendations of the review before this one that are not implemented yet, in paragraph
   * order, and how many each agency leads on.
   */
  @Transactional(readOnly = true)
  public PreviousRecommendations previous(Caller caller, UUID reviewId) {
    return previous(visible(caller, reviewId));
  }

  /**
   * How many of the previous review's recommendations not yet implemented each agency leads on, for
   * the plan of the review's joint submission; null where the review has no previous one.
   */
  @Transactional(readOnly = true)
  public PreviousRecommendationCounts previousCounts(UUID reviewId) {
    UUID previousReviewId =
        jdbc.queryForObject(
            "SELECT previous_review_id FROM upr_review WHERE id = ?", UUID.class, reviewId);
    if (previousReviewId == null) {
      return null;
    }
    PreviousRecommendations previous = previousOf(previousReviewId);
    return new PreviousRecommendationCounts(
        previous.previousReviewId(), previous.byLeadAgency(), previous.unassigned());
  }

  private PreviousRecommendations previous(Review review) {
    if (review.previousReviewId() == null) {
      return new PreviousRecommendations(null, Map.of(), 0, List.of());
    }
    return previousOf(review.previousReviewId());
  }

  private PreviousRecommendations previousOf(UUID previousReviewId) {
    List<Recommendation> open =
        query(
            "r.review_id = :review AND r.status NOT IN ('implemented', 'not-applicable')",
            review(previousReviewId),
            " ORDER BY r.paragraph_order");
    Map<String, Integer> byLead = new TreeMap<>();
    int unassigned = 0;
    for (Recommendation recommendation : open) {
      if (recommendation.leadAgency() == null) {
        unassigned++;
      } else {
        byLead.merge(recommendation.leadAgency(), 1, Integer::sum);
      }
    }
    return new PreviousRecommendations(previousReviewId, byLead, unassigned, open);
  }

  /**
   * How many recommendations the review's register holds and their positions; empty while it holds
   * none.
   */
  @Transactional(readOnly = true)
  public Optional<Counts> counts(UUID reviewId) {
    Counts counts =
        jdbc.queryForObject(
            """
            SELECT count(*) AS total,
                   count(*) FILTER (WHERE position = 'supported') AS supported,
                   count(*) FILTER (WHERE position = 'noted') AS noted,
                   count(*) FILTER (WHERE position = 'supported/noted') AS split,
                   count(*) FILTER (WHERE position = 'pending') AS pending
            FROM upr_recommendation WHERE review_id = ?
            """,
            (rs, i) ->
                new Counts(
                    rs.getInt("total"),
                    rs.getInt("supported"),
                    rs.getInt("noted"),
                    rs.getInt("split"),
                    rs.getInt("pending")),
            reviewId);
    return counts == null || counts.recommendations() == 0 ? Optional.empty() : Optional.of(counts);
  }

  /** A review's recommendations by position: supported, noted, partly each, still pending. */
  public record Counts(int recommendations, int supported, int noted, int split, int pending) {}

  private Review visible(Caller caller, UUID reviewId) {
    return reviews.find(caller, reviewId).orElseThrow(() -> new NotFound("Review", reviewId));
  }

  /**
   * @param latestFirst what orders the scope's reviews before the sort asked for (the latest review
   *     first), empty where the scope is one review
   */
  private RecommendationPage page(
      String scope,
      String latestFirst,
      MapSqlParameterSource parameters,
      RecommendationFilter filter,
      int page,
      int size) {
    List<FieldError> errors = new ArrayList<>();
    if (page < 0) {
      errors.add(new FieldError("page", "must be 0 or more"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
    }
    String sort = filter.sort() == null ? "paragraph" : filter.sort();
    if (!SORTS.containsKey(sort)) {
      errors.add(
          new FieldError("sort", "must be one of " + SORTS.keySet().stream().sorted().toList()));
    }
    StringBuilder where = new StringBuilder(scope);
    condition(
        errors,
        where,
        parameters,
        "theme",
        filter.theme(),
        " AND (r.theme_heading = :theme OR r.themes @> ARRAY[CAST(:theme AS text)])");
    condition(
        errors,
        where,
        parameters,
        "group",
        filter.group(),
        " AND r.groups_of_persons @> ARRAY[CAST(:group AS text)]");
    if (filter.sdg() != null) {
      int sdg = filter.sdg().matches("\\d{1,2}") ? Integer.parseInt(filter.sdg()) : -1;
      if (sdg < 1 || sdg > 17) {
        errors.add(new FieldError("sdg", "must be an SDG goal from 1 to 17"));
      }
      where.append(" AND r.sdgs @> ARRAY[CAST(:sdg AS integer)]");
      parameters.addValue("sdg", sdg);
    }
    if (filter.position() != null && !Recommendation.POSITIONS.contains(filter.position())) {
      errors.add(new FieldError("position", "must be one of " + Recommendation.POSITIONS));
    }
    condition(
        errors, where, parameters, "position", filter.position(), " AND r.position = :position");
    String state = filter.state();
    if (state != null && TEAM.matcher(state).matches()) {
      condition(
          errors,
          where,
          parameters,
          "state",
          state,
          " AND r.state_codes @> ARRAY[CAST(:state AS text)]");
    } else {
      condition(
          errors,
          where,
          parameters,
          "state",
          state == null ? null : state.toLowerCase(Locale.ROOT),
          " AND EXISTS (SELECT 1 FROM unnest(r.recommending_states) s WHERE lower(s) = :state)");
    }
    if (filter.status() != null && !Recommendation.STATUSES.contains(filter.status())) {
      errors.add(new FieldError("status", "must be one of " + Recommendation.STATUSES));
    }
    condition(errors, where, parameters, "status", filter.status(), " AND r.status = :status");
    condition(
        errors,
        where,
        parameters,
        "leadAgency",
        filter.leadAgency(),
        " AND r.lead_agency = :leadAgency");
    condition(
        errors,
        where,
        parameters,
        "text",
        filter.text() == null ? null : like(filter.text()),
        " AND r.text ILIKE :text");
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    Long total =
        named.queryForObject(
            "SELECT count(*) FROM upr_recommendation r JOIN upr_review v ON v.id = r.review_id WHERE "
                + where,
            parameters,
            Long.class);
    parameters.addValue("limit", size).addValue("offset", (long) page * size);
    List<Recommendation> items =
        query(
            where.toString(),
            parameters,
            " ORDER BY " + latestFirst + SORTS.get(sort) + " LIMIT :limit OFFSET :offset");
    return new RecommendationPage(items, page, size, total == null ? 0 : total);
  }

  private static void condition(
      List<FieldError> errors,
      StringBuilder where,
      MapSqlParameterSource parameters,
      String name,
      String value,
      String sql) {
    if (value == null) {
      return;
    }
    if (value.isBlank() || value.length() > MAX_FILTER_LENGTH) {
      errors.add(new FieldError(name, "must be 1 to " + MAX_FILTER_LENGTH + " characters"));
      return;
    }
    where.append(sql);
    parameters.addValue(name, value);
  }

  private static String like(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static MapSqlParameterSource review(UUID reviewId) {
    return new MapSqlParameterSource("review", reviewId);
  }

  private List<Recommendation> query(String where, MapSqlParameterSource parameters, String tail) {
    return named.query(
        "SELECT r.* FROM upr_recommendation r JOIN upr_review v ON v.id = r.review_id WHERE "
            + where
            + tail,
        parameters,
        RecommendationRegister::row);
  }

  /** Adds the recommendations new to the register, in batches of statements (one round trip). */
  private void insert(UUID reviewId, List<ListedRecommendation> added, String by, Instant at) {
    if (added.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        """
        INSERT INTO upr_recommendation (recommending_states, state_codes, themes,
            groups_of_persons, sdgs, text, theme_heading, position, position_symbol,
            position_paragraph, paragraph_order, id, review_id, mechanism, paragraph,
            added_by, added_at, updated_by, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        added,
        added.size(),
        (ps, listed) -> {
          int next =
              content(
                  ps.getConnection(), ps, listed, null, listed.position(), listed.positionSource());
          ps.setObject(next++, UUID.randomUUID());
          ps.setObject(next++, reviewId);
          ps.setString(next++, Recommendation.UPR);
          ps.setString(next++, listed.paragraph());
          ps.setString(next++, by);
          ps.setTimestamp(next++, Timestamp.from(at));
          ps.setString(next++, by);
          ps.setTimestamp(next, Timestamp.from(at));
        });
  }

  /**
   * Takes what the list says; a list without a position keeps the one the register has. A position
   * the list changes is kept as a version.
   */
  private void update(Recommendation known, ListedRecommendation listed, String by, Instant at) {
    boolean listGivesPosition = !Recommendation.PENDING.equals(listed.position());
    String position = listGivesPosition ? listed.position() : known.position();
    Recommendation.PositionSource source =
        listed.positionSource() != null ? listed.positionSource() : known.positionSource();
    if (!position.equals(known.position()) || !Objects.equals(source, known.positionSource())) {
      positions.record(known, position, source, RecommendationPositions.IMPORT, by, at);
    }
    jdbc.update(
        connection -> {
          PreparedStatement ps =
              connection.prepareStatement(
                  """
                  UPDATE upr_recommendation SET recommending_states = ?, state_codes = ?, themes = ?,
                      groups_of_persons = ?, sdgs = ?, text = ?, theme_heading = ?, position = ?,
                      position_symbol = ?, position_paragraph = ?, paragraph_order = ?,
                      updated_by = ?, updated_at = ?
                  WHERE id = ?
                  """);
          int next = content(connection, ps, listed, known, position, source);
          ps.setString(next++, by);
          ps.setTimestamp(next++, Timestamp.from(at));
          ps.setObject(next, known.id());
          return ps;
        });
  }

  /**
   * Sets the first eleven parameters: what a list says of a recommendation, and where it says
   * nothing of its themes, groups or SDGs, what the register holds ({@code known}; none for a new
   * one).
   */
  private static int content(
      Connection connection,
      PreparedStatement ps,
      ListedRecommendation listed,
      Recommendation known,
      String position,
      Recommendation.PositionSource source)
      throws SQLException {
    List<String> themes =
        listed.themes() != null ? listed.themes() : known == null ? List.of() : known.themes();
    List<String> groups =
        listed.groupsOfPersons() != null
            ? listed.groupsOfPersons()
            : known == null ? List.of() : known.groupsOfPersons();
    List<Integer> sdgs =
        listed.sdgs() != null ? listed.sdgs() : known == null ? List.of() : known.sdgs();
    String heading =
        listed.themeHeading() != null || known == null
            ? listed.themeHeading()
            : known.themeHeading();
    ps.setArray(
        1,
        texts(
            connection,
            listed.recommendingStates().stream()
                .map(Recommendation.RecommendingState::name)
                .toList()));
    ps.setArray(
        2,
        texts(
            connection,
            listed.recommendingStates().stream()
                .map(Recommendation.RecommendingState::code)
                .toList()));
    ps.setArray(3, texts(connection, themes));
    ps.setArray(4, texts(connection, groups));
    ps.setArray(5, connection.createArrayOf("integer", sdgs.toArray()));
    ps.setString(6, listed.text());
    ps.setString(7, heading);
    ps.setString(8, position);
    ps.setString(9, source == null ? null : source.symbol());
    ps.setString(10, source == null ? null : source.paragraph());
    ps.setInt(11, listed.paragraphOrder());
    return 12;
  }

  private static Array texts(Connection connection, List<String> values) throws SQLException {
    return connection.createArrayOf("text", values.toArray());
  }

  static Recommendation row(ResultSet rs, int i) throws SQLException {
    List<String> names = strings(rs.getArray("recommending_states"));
    List<String> codes = strings(rs.getArray("state_codes"));
    List<Recommendation.RecommendingState> states = new ArrayList<>();
    for (int n = 0; n < names.size(); n++) {
      states.add(
          new Recommendation.RecommendingState(
              names.get(n), n < codes.size() ? codes.get(n) : null));
    }
    String symbol = rs.getString("position_symbol");
    return new Recommendation(
        rs.getObject("id", UUID.class),
        rs.getObject("review_id", UUID.class),
        rs.getString("mechanism"),
        rs.getString("paragraph"),
        rs.getString("text"),
        states,
        rs.getString("theme_heading"),
        strings(rs.getArray("themes")),
        strings(rs.getArray("groups_of_persons")),
        Arrays.stream((Integer[]) rs.getArray("sdgs").getArray()).toList(),
        rs.getString("position"),
        symbol == null
            ? null
            : new Recommendation.PositionSource(symbol, rs.getString("position_paragraph")),
        rs.getString("lead_agency"),
        strings(rs.getArray("supporting_agencies")),
        rs.getString("status"),
        rs.getObject("status_as_of", LocalDate.class),
        rs.getString("updated_by"),
        rs.getTimestamp("updated_at").toInstant());
  }

  static List<String> strings(Array array) throws SQLException {
    return Arrays.stream((String[]) array.getArray()).collect(Collectors.toList());
  }
}
