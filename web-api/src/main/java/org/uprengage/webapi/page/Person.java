package org.uprengage.webapi.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  /**
   * Whether the engine shows the person this task (its page, else a 404): the one who holds it,
   * coordinators and admins, and the people of the groups it is offered to (a role, the agency, or
   * the role within the agency: {@code head-of-office:UNICEF}).
   */
  public boolean mayOpen(String assignee, List<String> candidateGroups) {
    if (username.equals(assignee) || coordinator()) {
      return true;
    }
    Set<String> groups = new HashSet<>(roles);
    if (agency != null) {
      groups.add(agency);
      roles.forEach(role -> groups.add(role + ":" + agency));
    }
    return candidateGroups.stream().anyMatch(groups::contains);
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
