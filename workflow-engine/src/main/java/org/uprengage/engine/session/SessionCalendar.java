package org.uprengage.engine.session;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads the session calendar. */
@Service
public class SessionCalendar {

  private final JdbcTemplate jdbc;

  SessionCalendar(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<UprSession> find(int number) {
    return jdbc
        .query("SELECT * FROM upr_session WHERE number = ?", SessionCalendar::row, number)
        .stream()
        .findFirst();
  }

  public List<UprSession> all() {
    return jdbc.query("SELECT * FROM upr_session ORDER BY number", SessionCalendar::row);
  }

  private static UprSession row(ResultSet rs, int i) throws SQLException {
    LocalDate stakeholder = date(rs, "stakeholder_deadline");
    LocalDate unEntity = date(rs, "un_entity_deadline");
    return new UprSession(
        rs.getInt("number"),
        rs.getInt("cycle"),
        date(rs, "starts_on"),
        date(rs, "ends_on"),
        rs.getBoolean("dates_tentative"),
        stakeholder,
        unEntity != null ? unEntity : stakeholder,
        date(rs, "national_report_deadline"));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date value = rs.getDate(column);
    return value == null ? null : value.toLocalDate();
  }
}
