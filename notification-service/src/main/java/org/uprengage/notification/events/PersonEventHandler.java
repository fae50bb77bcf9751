package org.uprengage.notification.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.directory.Person;

/**
 * Keeps the directory as workflow-engine's directory says: each {@code person.updated.v1} replaces
 * the person's entry, unless a newer version of it is here already.
 */
@Service
public class PersonEventHandler {

  private final ObjectMapper json;
  private final Notifier notifier;
  private final People people;

  PersonEventHandler(ObjectMapper json, Notifier notifier, People people) {
    this.json = json;
    this.notifier = notifier;
    this.people = people;
  }

  /**
   * Handles one event.
   *
   * @return whether the directory changed (false for a duplicate or an older version)
   */
  @Transactional
  public boolean handle(IncomingEvent event) {
    PersonEvent person = event.data(PersonEvent.TYPE_PREFIX, "person", PersonEvent.class, json);
    person.requireComplete();
    if (!notifier.firstTime(event)) {
      return false;
    }
    return people.follow(
        new Person(
            person.username(),
            person.displayName(),
            person.email(),
            person.language(),
            person.agency(),
            person.roles(),
            person.countryTeams()),
        person.timeZone(),
        person.version());
  }
}
