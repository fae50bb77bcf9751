package org.uprengage.webapi.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.uprengage.webapi.security.Caller;

/**
 * The person signed in to the pages: who they are to the services, and the time zone dates are
 * shown in (their notification preferences' own, else UTC).
 */
public record Person(String username, List<String> roles, String agency, ZoneId zone) {

  static Person of(Caller caller, ZoneId zone) {
    return new Person(caller.username(), caller.roles(), caller.agency(), zone);
  }

  /** Coordinators (and admins) see their team's tasks and assign them. */
  public boolean coordinator() {
    return roles.contains("coordinator") || roles.contains("admin");
  }

  /** An instant as the person's local date and time. */
  public ZonedDateTime local(Instant instant) {
    return instant == null ? null : instant.atZone(zone);
  }

  /** Today, where the person is. */
  public LocalDate today(Instant now) {
    return now.atZone(zone).toLocalDate();
  }
}
