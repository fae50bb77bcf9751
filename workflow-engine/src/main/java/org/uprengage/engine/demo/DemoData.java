package org.uprengage.engine.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo country team once, with one milestone offset of its own (briefings five weeks
 * before the session); a second start keeps what the first made.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final JdbcTemplate jdbc;

  DemoData(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    int added =
        jdbc.update(
            "INSERT INTO upr_country_team (code, name) VALUES ('GHA', 'United Nations Country Team in Ghana') ON CONFLICT (code) DO NOTHING");
    if (added > 0) {
      log.info("Demo data: country team GHA (Ghana) added");
    }
    int offsets =
        jdbc.update(
            """
            INSERT INTO upr_country_team_milestone_offset (country_team, key, days_before, changed_by, changed_at)
            VALUES ('GHA', 'briefings', 35, 'demo', now()) ON CONFLICT (country_team, key) DO NOTHING
            """);
    if (offsets > 0) {
      log.info(
          "Demo data: GHA briefs recommending states 35 days before a session (its own offset)");
    }
  }
}
