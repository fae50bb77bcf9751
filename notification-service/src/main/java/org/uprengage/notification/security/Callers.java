package org.uprengage.notification.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** Turns the request's token into a {@link Caller}, with the configured claim names. */
@Component
public class Callers {

  private final String usernameClaim;
  private final String rolesClaim;
  private final String agencyClaim;
  private final String teamsClaim;

  Callers(
      @Value("${upr.security.claims.username:preferred_username}") String usernameClaim,
      @Value("${upr.security.claims.roles:roles}") String rolesClaim,
      @Value("${upr.security.claims.agency:agency}") String agencyClaim,
      @Value("${upr.security.claims.country-teams:country_teams}") String teamsClaim) {
    this.usernameClaim = usernameClaim;
    this.rolesClaim = rolesClaim;
    this.agencyClaim = agencyClaim;
    this.teamsClaim = teamsClaim;
  }

  public Caller of(Jwt token) {
    return Caller.of(token, usernameClaim, rolesClaim, agencyClaim, teamsClaim);
  }
}
