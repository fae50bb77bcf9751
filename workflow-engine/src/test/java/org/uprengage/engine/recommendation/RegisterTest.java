package org.uprengage.engine.recommendation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.security.Caller;

/**
 * What the register's tests share: a review of a team started through the API with a list imported,
 * a recommendation's id and path by its paragraph, and today by the engine's clock.
 */
abstract class RegisterTest extends EngineIntegrationTest {

  @Autowired protected RecommendationRegister register;
  @Autowired protected TransactionTemplate transactions;
  @Autowired protected Clock clock;

  /** A review of the team (session 42), started through the API, with the CSV list imported. */
  protected String reviewWithList(String team, String list) throws Exception {
    return reviewWithList(team, 42, list);
  }

  /** A review of the team in the session given, with the CSV list imported. */
  protected String reviewWithList(String team, int session, String list) throws Exception {
    String review = startReview(team, session, coordinator(team));
    Caller coordinator = new Caller("coordinator", Set.of(Caller.COORDINATOR), null, Set.of(team));
    transactions.executeWithoutResult(
        status ->
            register.importList(
                coordinator, UUID.fromString(review), list.getBytes(StandardCharsets.UTF_8)));
    return review;
  }

  protected String idOf(String review, String paragraph) {
    return jdbc.queryForObject(
        "SELECT id::text FROM upr_recommendation WHERE review_id = ?::uuid AND paragraph = ?",
        String.class,
        review,
        paragraph);
  }

  /** The API path of the review's recommendation. */
  protected String oneOf(String review, String paragraph) {
    return "/api/reviews/" + review + "/recommendations/" + idOf(review, paragraph);
  }

  protected LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
