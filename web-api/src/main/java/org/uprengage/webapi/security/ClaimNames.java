package org.uprengage.webapi.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Which token claims carry a person's name, roles, agency and country teams. */
@ConfigurationProperties("upr.security.claims")
public record ClaimNames(
    @DefaultValue("preferred_username") String username,
    @DefaultValue("roles") String roles,
    @DefaultValue("agency") String agency,
    @DefaultValue("country_teams") String countryTeams) {}
