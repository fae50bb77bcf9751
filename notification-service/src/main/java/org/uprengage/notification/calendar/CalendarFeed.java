package org.uprengage.notification.calendar;

import java.time.Instant;

/**
 * A private calendar feed: a person's own deadlines or an agency's. {@code url} carries its token
 * and is only there in the answer that made (or rotated) it.
 */
public record CalendarFeed(
    String scope, String countryTeam, String agency, Instant createdAt, String url) {}
