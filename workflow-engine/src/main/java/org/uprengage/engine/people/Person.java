package org.uprengage.engine.people;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone the directory knows: roles, agency (none for coordinators and admins) and country teams
 * as sorted lists, and {@code source}: {@code token} when the identity provider said so, {@code
 * import} when an admin's CSV did.
 */
public record Person(
    String username,
    String displayName,
    String email,
    String language,
    String timeZone,
    String agency,
    List<String> roles,
    List<String> countryTeams,
    String source,
    int version) {

  public Person {
    roles = List.copyOf(roles);
    countryTeams = List.copyOf(countryTeams);
  }

  public boolean belongsTo(String countryTeam) {
    return countryTeams.contains(countryTeam);
  }

  /**
   * This entry, with the name, e-mail, language and time zone it lacks taken from {@code known}.
   */
  Person keeping(Optional<Person> known) {
    return known.map(this::keeping).orElse(this);
  }

  Person keeping(Person known) {
    return new Person(
        username,
        displayName.equals(username) ? known.displayName : displayName,
        email == null ? known.email : email,
        language == null ? known.language : language,
        timeZone == null ? known.timeZone : timeZone,
        agency,
        roles,
        countryTeams,
        source,
        version);
  }

  /** Same entry apart from where it came from and its version. */
  boolean sameAs(Person other) {
    return other != null
        && username.equals(other.username)
        && displayName.equals(other.displayName)
        && Objects.equals(email, other.email)
        && Objects.equals(language, other.language)
        && Objects.equals(timeZone, other.timeZone)
        && Objects.equals(agency, other.agency)
        && roles.equals(other.roles)
        && countryTeams.equals(other.countryTeams);
  }
}
