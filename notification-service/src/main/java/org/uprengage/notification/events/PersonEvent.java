package org.uprengage.notification.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The data of {@code org.uprengage.person.updated.v1} as this service reads it: a person's whole
 * entry in the engine's directory, with the entry's version.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersonEvent(
    String username,
    String displayName,
    String email,
    String language,
    String timeZone,
    String agency,
    List<String> roles,
    List<String> countryTeams,
    Integer version) {

  public static final String TYPE_PREFIX = "org.uprengage.person.";
  public static final String UPDATED = "org.uprengage.person.updated.v1";

  void requireComplete() {
    if (username == null || username.isBlank() || version == null || version < 1) {
      throw new PoisonEventException("a person event needs username and a version from 1");
    }
    if (displayName == null || roles == null || countryTeams == null) {
      throw new PoisonEventException("a person event needs displayName, roles and countryTeams");
    }
  }
}
