package org.uprengage.engine.team;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production the engine is not ready while no country team is open: nobody could start a review.
 * Part of the readiness group in the prod profile (contributor {@code countryTeams}); says (and
 * logs once) how to add one.
 */
@Component("countryTeamsHealthIndicator")
@Profile("prod")
class CountryTeamsReadiness implements HealthIndicator {

  static final String HOW_TO_ADD =
      "No country team exists yet: a platform admin adds one with POST /api/country-teams"
          + " (see docs/operations.md, 'The first country team').";

  private static final Logger log = LoggerFactory.getLogger(CountryTeamsReadiness.class);

  private final CountryTeams teams;
  private final AtomicBoolean warned = new AtomicBoolean();

  CountryTeamsReadiness(CountryTeams teams) {
    this.teams = teams;
  }

  @Override
  public Health health() {
    int open = teams.openCount();
    if (open > 0) {
      warned.set(false);
      return Health.up().withDetail("openCountryTeams", open).build();
    }
    if (warned.compareAndSet(false, true)) {
      log.warn(HOW_TO_ADD);
    }
    return Health.outOfService().withDetail("reason", HOW_TO_ADD).build();
  }
}
