package org.uprengage.webapi.security;

import java.util.List;

/** The person behind a request, as the services will see them. */
public record Caller(
    String username, List<String> roles, String agency, List<String> countryTeams) {

  public Caller {
    roles = List.copyOf(roles);
    countryTeams = List.copyOf(countryTeams);
  }
}
