package org.uprengage.webapi.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

@RestController
@RequestMapping("/api")
@Tag(name = "Calendar and agencies")
class CalendarController {

  private final Backend engine;

  CalendarController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping("/sessions")
  @Operation(summary = "The UPR Working Group sessions in the calendar")
  List<Session> sessions() {
    return engine.get("/api/sessions", new ParameterizedTypeReference<List<Session>>() {});
  }

  @GetMapping("/sessions/{number}")
  @Operation(summary = "One WG session with its official deadlines")
  Session session(@PathVariable int number) {
    return engine.get("/api/sessions/{number}", Session.class, number);
  }

  @GetMapping("/agencies")
  @Operation(summary = "The agencies that can draft a section of a joint submission")
  List<Agency> agencies() {
    return engine.get("/api/agencies", new ParameterizedTypeReference<List<Agency>>() {});
  }

  /** A WG session; deadlines are absent where OHCHR has not published them. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Session(
      int number,
      int cycle,
      LocalDate startsOn,
      LocalDate endsOn,
      @Schema(description = "true while the dates are planned but not confirmed by OHCHR")
          boolean datesTentative,
      LocalDate stakeholderDeadline,
      @Schema(description = "defaults to the stakeholder deadline") LocalDate unEntityDeadline,
      LocalDate nationalReportDeadline) {}

  /** A UN entity. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Agency(String code, String name) {}
}
