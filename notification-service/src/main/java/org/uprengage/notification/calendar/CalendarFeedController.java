package org.uprengage.notification.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.notification.security.Callers;
import org.uprengage.notification.web.Problems;

/**
 * Calendar feeds: making and rotating them (authenticated), and the feeds themselves, whose private
 * token is their only credential.
 */
@RestController
class CalendarFeedController {

  static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

  private final CalendarFeeds feeds;
  private final Callers callers;

  CalendarFeedController(CalendarFeeds feeds, Callers callers) {
    this.feeds = feeds;
    this.callers = callers;
  }

  @PostMapping("/api/calendar-feeds")
  ResponseEntity<CalendarFeed> issue(
      @AuthenticationPrincipal Jwt token, @RequestBody(required = false) NewCalendarFeed request) {
    CalendarFeed feed =
        feeds.issue(
            callers.of(token), request == null ? new NewCalendarFeed(null, null, null) : request);
    return ResponseEntity.created(URI.create(feed.url())).body(feed);
  }

  @GetMapping("/api/calendar-feeds")
  List<CalendarFeed> mine(@AuthenticationPrincipal Jwt token) {
    return feeds.of(callers.of(token));
  }

  @GetMapping("/calendar/{token}.ics")
  ResponseEntity<String> feed(@PathVariable String token) throws IOException {
    Calendar calendar =
        feeds
            .feed(token)
            .orElseThrow(
                () ->
                    Problems.notFound(
                        "Calendar feed not found", "No calendar feed has this address."));
    StringWriter ics = new StringWriter();
    new CalendarOutputter(false).output(calendar, ics);
    return ResponseEntity.ok()
        .contentType(TEXT_CALENDAR)
        .cacheControl(CacheControl.noCache().cachePrivate())
        .body(ics.toString());
  }
}
