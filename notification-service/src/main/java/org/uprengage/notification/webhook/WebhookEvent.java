package org.uprengage.notification.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collection;

/**
 * An event as webhooks pass it on (CloudEvents attributes and data), with the country team and the
 * groups (agencies, roles, roles within an agency) it concerns, which pick the subscriptions that
 * hear of it: those of the country team, and those of the agencies among the groups.
 */
public record WebhookEvent(
    String source,
    String id,
    String type,
    String subject,
    Instant time,
    JsonNode data,
    String countryTeam,
    Collection<String> groups) {}
