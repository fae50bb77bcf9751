package org.uprengage.notification.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.preference.Preferences;
import org.uprengage.notification.security.Caller;
import org.uprengage.notification.taskstate.ReviewTeams;

/**
 * Handles an incident opened in a review's process: tells the installation's platform admins, in
 * whatever country team they are (or none), once. Nobody of the review's team is told: they cannot
 * retry it.
 */
@Service
public class IncidentEventHandler {

  private final ObjectMapper json;
  private final Notifier notifier;
  private final ReviewTeams reviews;
  private final People people;

  IncidentEventHandler(ObjectMapper json, Notifier notifier, ReviewTeams reviews, People people) {
    this.json = json;
    this.notifier = notifier;
    this.reviews = reviews;
    this.people = people;
  }

  /**
   * Handles one event.
   *
   * @return how many platform admins were told (0 for a duplicate)
   */
  @Transactional
  public int handle(IncomingEvent event) {
    IncidentEvent incident =
        event.data(IncidentEvent.OPENED, "incident", IncidentEvent.class, json);
    incident.requireComplete();
    if (!notifier.firstTime(event)) {
      return 0;
    }
    String countryTeam = reviews.of(incident.reviewId()).orElse("?");
    return notifier.tellEach(
        people.withRole(Caller.PLATFORM_ADMIN),
        null,
        event,
        new Notifier.Message(
            Preferences.INCIDENT_OPENED,
            "incident.opened",
            new Object[] {countryTeam, incident.activityId()},
            new Object[] {
              countryTeam,
              incident.activityId(),
              incident.processDefinitionKey() == null ? "?" : incident.processDefinitionKey(),
              incident.message() == null ? "" : incident.message(),
              incident.incidentId()
            },
            incident.reviewId(),
            null));
  }
}
