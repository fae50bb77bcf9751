package org.uprengage.webapi.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The quick start's people, all signing in with one password. Only read in profile {@code demo}.
 */
@ConfigurationProperties("upr.demo")
public record DemoUsers(String password, List<DemoUser> users) {

  public DemoUsers {
    users = users == null ? List.of() : List.copyOf(users);
  }

  /** One demo person. */
  public record DemoUser(
      String username,
      List<String> roles,
      String agency,
      List<String> countryTeams,
      String locale) {

    public DemoUser {
      locale = locale == null ? "en" : locale;
      roles = roles == null ? List.of() : List.copyOf(roles);
      countryTeams = countryTeams == null ? List.of() : List.copyOf(countryTeams);
    }

    Caller asCaller() {
      return new Caller(username, roles, agency, countryTeams);
    }
  }
}
