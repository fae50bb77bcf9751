package org.uprengage.webapi.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.backend.ServiceUrls;
import org.uprengage.webapi.web.ApiProblem;

/**
 * Calendar feeds of deadlines: made and rotated by their owner (relayed with their token), and the
 * feeds themselves, relayed without credentials: the private token in their address is one.
 */
@RestController
@Tag(name = "Calendar feeds")
class CalendarFeedController {

  static final String TEXT_CALENDAR = "text/calendar";

  private final Backend notifications;
  private final RestClient feeds;

  CalendarFeedController(
      @Qualifier("notifications") Backend notifications,
      RestClient.Builder builder,
      ServiceUrls urls) {
    this.notifications = notifications;
    this.feeds = urls.client(builder, urls.notifications());
  }

  @PostMapping("/api/calendar-feeds")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Make (or rotate) a private calendar feed of upcoming deadlines",
      description =
          "scope person: your deadlines (tasks you hold, and tasks offered to your groups); scope agency: an agency's deadlines in a country team (yours where left out; its heads of office, focal points and coordinators). The answer's url, with its private token, is shown only this once; making the feed again gives a new url and retires the old one.")
  ResponseEntity<Feed> issue(
      @RequestBody(required = false)
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = NewFeed.class)))
          Map<String, Object> body) {
    Feed feed =
        notifications.post("/api/calendar-feeds", body == null ? Map.of() : body, Feed.class);
    return ResponseEntity.created(URI.create(feed.url())).body(feed);
  }

  @GetMapping("/api/calendar-feeds")
  @Operation(summary = "Your calendar feeds (their addresses were shown when made)")
  List<Feed> mine() {
    return notifications.get(
        "/api/calendar-feeds", new ParameterizedTypeReference<List<Feed>>() {});
  }

  @GetMapping(path = "/calendar/{token}.ics", produces = TEXT_CALENDAR)
  @SecurityRequirements
  @Operation(
      summary = "A calendar feed (iCalendar, RFC 5545); its token is its only credential",
      description =
          "One all-day event per upcoming deadline; an event's UID stays the same when its deadline moves. 404 for an unknown or replaced token, and for a feed whose owner no longer may read it (left the directory, or no longer speaks for the agency): such a feed is deleted.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The feed",
              content = @Content(mediaType = TEXT_CALENDAR, schema = @Schema(type = "string"))))
  ResponseEntity<String> feed(@PathVariable String token) {
    try {
      return feeds
          .get()
          .uri("/calendar/{token}.ics", token)
          .accept(MediaType.valueOf(TEXT_CALENDAR), MediaType.APPLICATION_PROBLEM_JSON)
          .exchange(
              (request, response) -> {
                if (response.getStatusCode().is2xxSuccessful()) {
                  return ResponseEntity.ok()
                      .contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                      .cacheControl(CacheControl.noCache().cachePrivate())
                      .body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
                }
                throw response.getStatusCode().value() == 404
                    ? ApiProblem.notFound(
                        "Calendar feed not found", "No calendar feed has this address.")
                    : ApiProblem.badGateway(
                        "The notification service could not give the feed.", null);
              });
    } catch (ResourceAccessException e) {
      throw ApiProblem.unavailable(
          "The notification service did not answer; try again shortly.", e);
    }
  }

  /** Which feed to make. */
  record NewFeed(
      @Schema(description = "person (default) or agency") String scope,
      @Schema(description = "For an agency feed; yours where left out") String countryTeam,
      @Schema(description = "For an agency feed; yours where left out") String agency) {}

  /** A calendar feed; url only in the answer that made it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Feed(String scope, String countryTeam, String agency, Instant createdAt, String url) {}
}
