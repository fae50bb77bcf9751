package org.uprengage.engine.recommendation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.directory.Directory;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;

/**
 * Who leads on a review's recommendations and who supports: coordinators assign one recommendation,
 * or every recommendation of a theme, an SDG or a list of paragraphs at once, with a result for
 * each; the changes raise "recommendations assigned", which tells the agencies.
 */
@Service
public class RecommendationAssignments {

  static final int MAX_ITEMS = 1_000;
  static final int MAX_SUPPORTING = 20;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final EventOutbox outbox;
  private final ReviewWorkflow reviews;
  private final Directory directory;
  private final RecommendationPositions positions;

  RecommendationAssignments(
      JdbcTemplate jdbc,
      Clock clock,
      EventOutbox outbox,
      ReviewWorkflow reviews,
      Directory directory,
      RecommendationPositions positions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.outbox = outbox;
    this.reviews = reviews;
    this.directory = directory;
    this.positions = positions;
  }

  /**
   * Which recommendations a bulk assignment names: exactly one of a list of paragraph numbers, a
   * theme (the heading or any of the full themes, as written) or an SDG goal.
   */
  public record Selection(List<String> paragraphs, String theme, Integer sdg) {}

  /** Assigns one recommendation, in the caller's transaction, and answers it as it is now. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Recommendation assignOne(
      Caller caller, UUID reviewId, UUID recommendationId, AssignmentRequest asked) {
    Recommendation one = positions.one(caller, reviewId, recommendationId);
    allowed(caller);
    checked(asked);
    lock(reviewId);
    apply(reviewId, List.of(one), asked, caller.username(), new ArrayList<>());
    return positions.one(caller, reviewId, recommendationId);
  }

  /**
   * Assigns every recommendation the selection names, in the caller's transaction: those that can
   * be taken are, paragraphs the register does not hold (or given twice) are answered with their
   * reason.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public AssignmentsApplied assign(
      Caller caller, UUID reviewId, AssignmentRequest asked, Selection selection) {
    reviews.find(caller, reviewId).orElseThrow(() -> new NotFound("Review", reviewId));
    allowed(caller);
    List<FieldError> errors = new ArrayList<>(agencyErrors(asked));
    int given =
        (selection.paragraphs() == null ? 0 : 1)
            + (selection.theme() == null ? 0 : 1)
            + (selection.sdg() == null ? 0 : 1);
    if (given != 1) {
      errors.add(
          new FieldError(
              "paragraphs", "name the recommendations by one of paragraphs, theme or sdg"));
    } else if (selection.paragraphs() != null
        && (selection.paragraphs().isEmpty() || selection.paragraphs().size() > MAX_ITEMS)) {
      errors.add(new FieldError("paragraphs", "name 1 to " + MAX_ITEMS + " paragraph numbers"));
    } else if (selection.theme() != null
        && (selection.theme().isBlank()
            || selection.theme().length() > RecommendationRegister.MAX_FILTER_LENGTH)) {
      errors.add(
          new FieldError(
              "theme", "must be 1 to " + RecommendationRegister.MAX_FILTER_LENGTH + " characters"));
    } else if (selection.sdg() != null && (selection.sdg() < 1 || selection.sdg() > 17)) {
      errors.add(new FieldError("sdg", "must be an SDG goal from 1 to 17"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    lock(reviewId);
    List<PositionResult> results = new ArrayList<>();
    List<Recommendation> chosen = new ArrayList<>();
    if (selection.paragraphs() != null) {
      Map<String, Recommendation> held = new LinkedHashMap<>();
      for (Recommendation r : held(reviewId, "", List.of())) {
        held.put(r.paragraph(), r);
      }
      Set<String> seen = new HashSet<>();
      for (String paragraph : selection.paragraphs()) {
        if (paragraph == null || paragraph.isBlank()) {
          results.add(rejected(paragraph, "is required: the paragraph number, such as 121.1"));
        } else if (!seen.add(paragraph)) {
          results.add(rejected(paragraph, "is given twice"));
        } else if (!held.containsKey(paragraph)) {
          results.add(rejected(paragraph, "is not a recommendation of the review's register"));
        } else {
          chosen.add(held.get(paragraph));
        }
      }
    } else {
      chosen.addAll(
          selection.theme() != null
              ? held(
                  reviewId,
                  " AND (theme_heading = ? OR themes @> ARRAY[CAST(? AS text)])",
                  List.of(selection.theme(), selection.theme()))
              : held(reviewId, " AND sdgs @> ARRAY[CAST(? AS integer)]", List.of(selection.sdg())));
      if (chosen.isEmpty()) {
        throw new InvalidInput(
            selection.theme() != null ? "theme" : "sdg",
            "matches no recommendation of the review's register");
      }
    }
    apply(reviewId, chosen, asked, caller.username(), results);
    return AssignmentsApplied.of(results);
  }

  private void apply(
      UUID reviewId,
      List<Recommendation> chosen,
      AssignmentRequest asked,
      String by,
      List<PositionResult> results) {
    List<String> supporting = supporting(asked);
    Timestamp now = Timestamp.from(clock.instant());
    List<String> changed = new ArrayList<>();
    for (Recommendation recommendation : chosen) {
      if (asked.leadAgency().equals(recommendation.leadAgency())
          && supporting.equals(recommendation.supportingAgencies())) {
        results.add(
            new PositionResult(recommendation.paragraph(), PositionResult.UNCHANGED, null, null));
        continue;
      }
      jdbc.update(
          "UPDATE upr_recommendation SET lead_agency = ?, supporting_agencies = ?::text[],"
              + " assigned_by = ?, assigned_at = ? WHERE id = ?",
          asked.leadAgency(),
          supporting.toArray(String[]::new),
          by,
          now,
          recommendation.id());
      results.add(
          new PositionResult(recommendation.paragraph(), PositionResult.CHANGED, null, null));
      changed.add(recommendation.paragraph());
    }
    if (!changed.isEmpty()) {
      outbox.append(
          reviewId,
          new RecommendationsAssigned(asked.leadAgency(), supporting, List.copyOf(changed), by));
    }
  }

  private static void allowed(Caller caller) {
    if (!caller.hasRole(Caller.COORDINATOR) && !caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden("Only coordinators and admins assign recommendations to agencies.");
    }
  }

  private void checked(AssignmentRequest asked) {
    List<FieldError> errors = agencyErrors(asked);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  /** What is wrong with the agencies asked for: unknown, repeated, or leading and supporting. */
  private List<FieldError> agencyErrors(AssignmentRequest asked) {
    List<FieldError> errors = new ArrayList<>();
    String lead = asked.leadAgency();
    if (lead == null || lead.isBlank()) {
      errors.add(new FieldError("leadAgency", "is required: an agency's code, such as UNICEF"));
    } else if (lead.length() > 32 || !directory.isAgency(lead)) {
      errors.add(
          new FieldError(
              "leadAgency", "is not an agency this installation knows (GET /api/agencies)"));
    }
    List<String> supporting =
        asked.supportingAgencies() == null ? List.of() : asked.supportingAgencies();
    if (supporting.size() > MAX_SUPPORTING) {
      errors.add(new FieldError("supportingAgencies", "at most " + MAX_SUPPORTING + " agencies"));
      return errors;
    }
    Set<String> seen = new HashSet<>();
    for (String agency : supporting) {
      if (agency == null || agency.length() > 32 || !directory.isAgency(agency)) {
        errors.add(
            new FieldError(
                "supportingAgencies",
                "names an agency this installation does not know: " + agency));
      } else if (!seen.add(agency)) {
        errors.add(new FieldError("supportingAgencies", "names " + agency + " twice"));
      } else if (agency.equals(lead)) {
        errors.add(
            new FieldError("supportingAgencies", "names the lead agency " + agency + " again"));
      }
    }
    return errors;
  }

  private static List<String> supporting(AssignmentRequest asked) {
    return asked.supportingAgencies() == null ? List.of() : List.copyOf(asked.supportingAgencies());
  }

  private List<Recommendation> held(UUID reviewId, String and, List<Object> arguments) {
    List<Object> all = new ArrayList<>();
    all.add(reviewId);
    all.addAll(arguments);
    return jdbc.query(
        "SELECT * FROM upr_recommendation WHERE review_id = ?" + and + " ORDER BY paragraph_order",
        RecommendationRegister::row,
        all.toArray());
  }

  /** Assignments of a review change one request at a time, as its imports and positions do. */
  private void lock(UUID reviewId) {
    jdbc.queryForList("SELECT id FROM upr_review WHERE id = ? FOR UPDATE", reviewId);
  }

  private static PositionResult rejected(String paragraph, String reason) {
    return new PositionResult(paragraph, PositionResult.REJECTED, "paragraphs", reason);
  }
}
