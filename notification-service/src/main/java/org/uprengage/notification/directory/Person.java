package org.uprengage.notification.directory;

import java.util.List;

/** Someone who can receive notifications. */
public record Person(
    String username,
    String displayName,
    String email,
    String locale,
    String agency,
    List<String> roles,
    List<String> countryTeams) {}
