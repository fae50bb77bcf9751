package org.uprengage.notification.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Set;

/**
 * An event as webhooks pass it on (CloudEvents attributes and data), with the country team and the
 * agencies it concerns, which pick the subscriptions that hear of it.
 */
public record WebhookEvent(
    String source,
    String id,
    String type,
    String subject,
    Instant time,
    JsonNode data,
    String countryTeam,
    Set<String> agencies) {}
