package org.uprengage.webapi.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.backend.Relayed;

/** The UPR session calendar (read by all, kept by admins) and the agencies. */
@RestController
@RequestMapping("/api")
@Tag(name = "Calendar and agencies")
class CalendarController {

  private static final String MERGE_PATCH_VALUE = "application/merge-patch+json";
  private static final MediaType MERGE_PATCH = MediaType.valueOf(MERGE_PATCH_VALUE);

  private final Backend engine;

  CalendarController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping("/sessions")
  @Operation(
      summary =
          "The UPR Working Group sessions in the calendar, with every deadline (official or computed)")
  List<Session> sessions() {
    return engine.get("/api/sessions", new ParameterizedTypeReference<List<Session>>() {});
  }

  @GetMapping("/sessions/{number}")
  @Operation(
      summary = "One WG session; its ETag is the version to send in If-Match when changing it")
  ResponseEntity<Session> session(@PathVariable int number) {
    return Relayed.withVersion(
        engine.exchange(
            HttpMethod.GET, "/api/sessions/{number}", null, null, Session.class, number));
  }

  @GetMapping("/sessions/{number}/history")
  @Operation(summary = "Every change of a session's entry: who, when, old and new value")
  List<SessionChange> history(@PathVariable int number) {
    return engine.get(
        "/api/sessions/{number}/history",
        new ParameterizedTypeReference<List<SessionChange>>() {},
        number);
  }

  @PostMapping("/sessions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a WG session to the calendar (admins)")
  ResponseEntity<Session> create(
      @RequestBody
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = NewSession.class)))
          Map<String, Object> body) {
    ResponseEntity<Session> created =
        engine.exchange(HttpMethod.POST, "/api/sessions", body, null, Session.class);
    return Relayed.created(created, created.getBody().number());
  }

  @PatchMapping(
      path = "/sessions/{number}",
      consumes = {MERGE_PATCH_VALUE, MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary = "Change a session's dates (admins)",
      description =
          "JSON merge patch: the fields given are set, null clears an official date (it is then computed). Send the ETag in If-Match; a change made meanwhile answers 409 with the current entry.")
  ResponseEntity<Session> change(
      @PathVariable int number,
      @RequestBody
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = SessionDates.class)))
          Map<String, Object> patch,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return Relayed.withVersion(
        engine.exchange(
            HttpMethod.PATCH,
            "/api/sessions/{number}",
            MERGE_PATCH,
            patch,
            ifMatch,
            Session.class,
            number));
  }

  @GetMapping("/hrc-sessions")
  @Operation(
      summary =
          "The Human Rights Council's regular sessions (2022-2027 seeded), which adopt the UPR outcomes")
  List<HrcSession> hrcSessions() {
    return engine.get("/api/hrc-sessions", new ParameterizedTypeReference<List<HrcSession>>() {});
  }

  @GetMapping("/hrc-sessions/{number}")
  @Operation(
      summary = "One HRC session; its ETag is the version to send in If-Match when changing it")
  ResponseEntity<HrcSession> hrcSession(@PathVariable int number) {
    return Relayed.withVersion(
        engine.exchange(
            HttpMethod.GET, "/api/hrc-sessions/{number}", null, null, HrcSession.class, number));
  }

  @PatchMapping(
      path = "/hrc-sessions/{number}",
      consumes = {MERGE_PATCH_VALUE, MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary = "Change an HRC session's dates (admins)",
      description =
          "JSON merge patch of opensOn, closesOn and published. Send the ETag in If-Match; a change made meanwhile answers 409 with the current entry. The milestones of the reviews the session adopts follow.")
  ResponseEntity<HrcSession> changeHrcSession(
      @PathVariable int number,
      @RequestBody
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = HrcSessionDates.class)))
          Map<String, Object> patch,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return Relayed.withVersion(
        engine.exchange(
            HttpMethod.PATCH,
            "/api/hrc-sessions/{number}",
            MERGE_PATCH,
            patch,
            ifMatch,
            HrcSession.class,
            number));
  }

  @GetMapping("/agencies")
  @Operation(summary = "The agencies that can draft a section of a joint submission")
  List<Agency> agencies() {
    return engine.get("/api/agencies", new ParameterizedTypeReference<List<Agency>>() {});
  }

  @PostMapping("/agencies")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Add an agency the list lacks (platform admins)",
      description = "409 where the code is known already.")
  ResponseEntity<Agency> addAgency(
      @RequestBody
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = Agency.class)))
          Map<String, Object> body) {
    ResponseEntity<Agency> created =
        engine.exchange(HttpMethod.POST, "/api/agencies", body, null, Agency.class);
    return Relayed.created(created, created.getBody().code());
  }

  /** A WG session with every deadline a country team plans against. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Session(
      int number,
      int cycle,
      LocalDate startsOn,
      LocalDate endsOn,
      @Schema(description = "true while the dates are planned but not confirmed by OHCHR")
          boolean datesTentative,
      @Schema(description = "the HRC regular session that adopts the outcomes")
          Dated<Integer> hrcSession,
      @Schema(description = "that HRC session's dates") HrcSession adoptingSession,
      @Schema(
              description =
                  "stakeholderSubmission, unEntitySubmission, nationalReport, addendumEarly, addendumFinal")
          Map<String, Dated<LocalDate>> deadlines,
      @Schema(
              description =
                  "the deadline a UN country team's submission counts back from: unEntitySubmission where OHCHR published one of its own, else stakeholderSubmission",
              allowableValues = {"unEntitySubmission", "stakeholderSubmission"})
          String submissionCountsBackFrom,
      int version) {}

  /** A regular session of the Human Rights Council. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record HrcSession(
      int number,
      LocalDate opensOn,
      LocalDate closesOn,
      @Schema(
              description =
                  "published (as the Council announced), planned (entered ahead of it) or computed (not in the calendar: the Council's usual pattern)",
              allowableValues = {"published", "planned", "computed"})
          String source,
      int version) {}

  /** An HRC session's dates as admins set them. */
  record HrcSessionDates(
      @Schema(example = "2027-02-22") LocalDate opensOn,
      @Schema(example = "2027-04-02") LocalDate closesOn,
      Boolean published) {}

  /** A value and where it comes from. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Dated<T>(
      T value,
      @Schema(allowableValues = {"official", "computed"}) String source,
      @Schema(description = "how a computed value was found") String rule) {}

  /** One field changed in one version. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record SessionChange(
      int version,
      String field,
      String oldValue,
      String newValue,
      String changedBy,
      Instant changedAt) {}

  /**
   * The body of a new session: its number and dates, official deadlines where OHCHR published them.
   */
  @Schema(requiredProperties = {"number", "startsOn", "endsOn"})
  record NewSession(@Schema(example = "57") int number, @JsonUnwrapped SessionDates dates) {}

  /** A session's dates as admins set them; in a change, null clears an official deadline. */
  record SessionDates(
      @Schema(example = "2028-01-24") LocalDate startsOn,
      @Schema(example = "2028-02-04") LocalDate endsOn,
      Boolean datesTentative,
      Integer hrcSession,
      LocalDate stakeholderDeadline,
      LocalDate unEntityDeadline,
      LocalDate nationalReportDeadline,
      LocalDate addendumEarlyDeadline,
      LocalDate addendumFinalDeadline) {}

  /** A UN entity. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @Schema(requiredProperties = {"code", "name"})
  record Agency(@Schema(example = "UNEP") String code, String name) {}
}
