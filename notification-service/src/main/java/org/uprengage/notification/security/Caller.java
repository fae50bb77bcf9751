package org.uprengage.notification.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated person behind a request, read from the bearer token's claims: roles, the agency
 * they work for (none for coordinators and admins) and their country teams.
 */
public record Caller(String username, Set<String> roles, String agency, Set<String> countryTeams) {

  public static final String ADMIN = "admin";

  /** Administers the installation: sees and replays what is parked on the dead-letter topics. */
  public static final String PLATFORM_ADMIN = "platform-admin";

  public static final String COORDINATOR = "coordinator";
  public static final String HEAD_OF_OFFICE = "head-of-office";
  public static final String FOCAL_POINT = "focal-point";

  public Caller {
    roles = Set.copyOf(roles);
    countryTeams = Set.copyOf(countryTeams);
  }

  /**
   * Reads the caller from a validated token, with the claim names web-api and the IdP use (the
   * subject where the username claim is missing).
   */
  static Caller of(
      Jwt token, String usernameClaim, String rolesClaim, String agencyClaim, String teamsClaim) {
    String username = token.getClaimAsString(usernameClaim);
    return new Caller(
        username == null || username.isBlank() ? token.getSubject() : username,
        Set.copyOf(strings(token.getClaim(rolesClaim))),
        token.getClaimAsString(agencyClaim),
        Set.copyOf(strings(token.getClaim(teamsClaim))));
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean platformAdmin() {
    return hasRole(PLATFORM_ADMIN);
  }

  public boolean isAdmin() {
    return hasRole(ADMIN);
  }

  public boolean belongsTo(String countryTeam) {
    return countryTeams.contains(countryTeam);
  }

  /**
   * Whether the caller may see and act on anything of {@code countryTeam}: the one check every
   * endpoint and delivery of this service makes. Only the country teams one belongs to, admins
   * included (an installation-wide role, when there is one, is to be added here).
   */
  public boolean actsIn(String countryTeam) {
    return countryTeam != null && belongsTo(countryTeam);
  }

  /**
   * Whether the caller may act for {@code countryTeam} (agency null) or for {@code agency} within
   * it: within their own country teams ({@link #actsIn}), admins and coordinators for the team and
   * its agencies; heads of office and focal points for their own agency.
   */
  public boolean speaksFor(String countryTeam, String agency) {
    if (!actsIn(countryTeam)) {
      return false;
    }
    if (isAdmin() || hasRole(COORDINATOR)) {
      return true;
    }
    return agency != null
        && agency.equals(this.agency)
        && (hasRole(HEAD_OF_OFFICE) || hasRole(FOCAL_POINT));
  }

  private static List<String> strings(Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return claim == null ? List.of() : List.of(claim.toString());
  }
}
