package org.uprengage.engine.people;

import java.util.List;
import org.uprengage.engine.outbox.EventTopic;
import org.uprengage.engine.outbox.OutboundEvent;

/**
 * A person's directory entry was added or changed (from their token's claims or an import), so
 * other services' directories follow; keyed by user name, {@code version} counts the entry's
 * changes.
 */
public record PersonUpdated(
    String username,
    String displayName,
    String email,
    String language,
    String timeZone,
    String agency,
    List<String> roles,
    List<String> countryTeams,
    String source,
    int version)
    implements OutboundEvent {

  public static final String TYPE = "org.uprengage.person.updated.v1";

  static PersonUpdated of(Person person) {
    return new PersonUpdated(
        person.username(),
        person.displayName(),
        person.email(),
        person.language(),
        person.timeZone(),
        person.agency(),
        person.roles(),
        person.countryTeams(),
        person.source(),
        person.version());
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public EventTopic topic() {
    return EventTopic.PEOPLE;
  }
}
