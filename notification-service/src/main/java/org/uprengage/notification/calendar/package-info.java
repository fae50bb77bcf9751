/**
 * Private iCalendar feeds of upcoming deadlines, per person and per agency, built from the task
 * state this service keeps. The entry point is {@link
 * org.uprengage.notification.calendar.CalendarFeeds}.
 */
package org.uprengage.notification.calendar;
