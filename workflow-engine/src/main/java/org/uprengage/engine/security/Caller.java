package org.uprengage.engine.security;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The authenticated person behind a request: roles, the agency they work for (none for coordinators
 * and admins) and the country teams they belong to.
 */
public record Caller(String username, Set<String> roles, String agency, Set<String> countryTeams) {

  /** Administers the country teams they belong to. */
  public static final String ADMIN = "admin";

  /**
   * Administers the installation: creates, changes and closes country teams, adds agencies, lists
   * and imports people of every team. Team admins ({@link #ADMIN}) stay scoped to their teams.
   */
  public static final String PLATFORM_ADMIN = "platform-admin";

  public static final String COORDINATOR = "coordinator";
  public static final String HEAD_OF_OFFICE = "head-of-office";
  public static final String FOCAL_POINT = "focal-point";
  public static final String VIEWER = "viewer";

  /** The roles that act on tasks; a person with none of them (a viewer) only reads. */
  public static final Set<String> ACTING_ROLES =
      Set.of(ADMIN, COORDINATOR, "rc", HEAD_OF_OFFICE, FOCAL_POINT);

  public Caller {
    roles = Set.copyOf(roles);
    countryTeams = Set.copyOf(countryTeams);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** A viewer (or a person with no acting role): sees what their groups see, changes nothing. */
  public boolean readOnly() {
    return roles.stream().noneMatch(ACTING_ROLES::contains);
  }

  public boolean platformAdmin() {
    return hasRole(PLATFORM_ADMIN);
  }

  /** A platform admin, or an admin of this country team. */
  public boolean administers(String countryTeam) {
    return platformAdmin() || (hasRole(ADMIN) && belongsTo(countryTeam));
  }

  public boolean belongsTo(String countryTeam) {
    return countryTeams.contains(countryTeam);
  }

  /**
   * Camunda candidate groups this person works in: their roles, their agency, and each role within
   * their agency ({@code head-of-office:UNICEF}).
   */
  public Set<String> groups() {
    Set<String> groups = new LinkedHashSet<>(roles);
    if (agency != null) {
      groups.add(agency);
      roles.forEach(role -> groups.add(role + ":" + agency));
    }
    return groups;
  }
}
