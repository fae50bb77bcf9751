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
 * before the session) and the demo people, so tasks can be assigned to them before they sign in; a
 * second start keeps what the first made.
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
    int people =
        jdbc.update(
            """
            INSERT INTO upr_person (username, display_name, email, language, agency, roles, country_teams, source, updated_at) VALUES
                ('coordinator', 'RCO coordinator', 'coordinator@example.org', 'en', NULL, '{coordinator}', '{GHA}', 'import', now()),
                ('focal-unicef', 'UNICEF focal point', 'focal-unicef@example.org', 'en', 'UNICEF', '{focal-point}', '{GHA}', 'import', now()),
                ('focal-undp', 'UNDP focal point', 'focal-undp@example.org', 'fr', 'UNDP', '{focal-point}', '{GHA}', 'import', now()),
                ('head-unicef', 'UNICEF head of office', 'head-unicef@example.org', 'en', 'UNICEF', '{head-of-office}', '{GHA}', 'import', now()),
                ('head-undp', 'UNDP head of office', 'head-undp@example.org', 'en', 'UNDP', '{head-of-office}', '{GHA}', 'import', now()),
                ('rc', 'Resident Coordinator', 'rc@example.org', 'en', NULL, '{rc}', '{GHA}', 'import', now()),
                ('viewer', 'Viewer', NULL, 'en', 'OHCHR', '{viewer}', '{GHA}', 'import', now()),
                ('admin', 'Administrator', 'admin@example.org', 'en', NULL, '{admin}', '{GHA}', 'import', now())
            ON CONFLICT (username) DO NOTHING
            """);
    if (people > 0) {
      log.info("Demo data: {} demo people of GHA in the directory", people);
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
