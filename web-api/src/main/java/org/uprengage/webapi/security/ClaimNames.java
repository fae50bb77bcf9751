package org.uprengage.webapi.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which token claims carry a person's user name, display name, roles, agency, country teams,
 * e-mail, language and time zone (the last four optional; OpenID Connect's standard names by
 * default).
 */
@ConfigurationProperties("upr.security.claims")
public record ClaimNames(
    @DefaultValue("preferred_username") String username,
    @DefaultValue("name") String name,
    @DefaultValue("roles") String roles,
    @DefaultValue("agency") String agency,
    @DefaultValue("country_teams") String countryTeams,
    @DefaultValue("email") String email,
    @DefaultValue("locale") String language,
    @DefaultValue("zoneinfo") String timeZone) {}
