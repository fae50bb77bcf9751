package org.uprengage.notification.directory;

import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Someone who can receive notifications. Read from the directory, {@code locale} is the language
 * they read in: the one they chose in their notification preferences, else the directory's; and
 * {@code chosen} holds their notification preferences as read with them (null where they were not
 * read: a person given by an event or by the demo directory).
 */
public record Person(
    String username,
    String displayName,
    String email,
    String locale,
    String agency,
    List<String> roles,
    List<String> countryTeams,
    Chosen chosen) {

  /** A person as an event or the demo directory gives them, their preferences not read. */
  @ConstructorBinding
  public Person(
      String username,
      String displayName,
      String email,
      String locale,
      String agency,
      List<String> roles,
      List<String> countryTeams) {
    this(username, displayName, email, locale, agency, roles, countryTeams, null);
  }

  /**
   * The person's notification preferences as stored, read in the same statement as the person (so
   * as they are now): each field null where they chose nothing ({@code kinds} as stored, JSON), and
   * the time zone of their directory entry.
   */
  public record Chosen(
      String timeZone,
      String language,
      LocalTime quietStart,
      LocalTime quietEnd,
      String kinds,
      String directoryTimeZone) {}
}
