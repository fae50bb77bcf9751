package org.uprengage.notification.calendar;

/**
 * Which feed to make or rotate: {@code person} (the caller's deadlines) or {@code agency} (an
 * agency's deadlines in a country team; the caller's own agency and team where left out).
 */
public record NewCalendarFeed(String scope, String countryTeam, String agency) {}
