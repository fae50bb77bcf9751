package org.uprengage.notification.directory;

import java.util.List;

/**
 * Someone who can receive notifications. Read from the directory, {@code locale} is the language
 * they read in: the one they chose in their notification preferences, else the directory's.
 */
public record Person(
    String username,
    String displayName,
    String email,
    String locale,
    String agency,
    List<String> roles,
    List<String> countryTeams) {}
