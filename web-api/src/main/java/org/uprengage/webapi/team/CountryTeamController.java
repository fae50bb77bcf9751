package org.uprengage.webapi.team;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
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

/** Country teams: created and closed by platform admins, changed by them and the team's admins. */
@RestController
@RequestMapping("/api/country-teams")
@Tag(name = "Country teams")
class CountryTeamController {

  private static final String TEAM = "[A-Z]{3}";
  private static final String TEAM_MESSAGE = "must be an ISO 3166-1 alpha-3 code such as KEN";
  private static final String MERGE_PATCH_VALUE = "application/merge-patch+json";

  private final Backend engine;

  CountryTeamController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping
  @Operation(
      summary = "The country teams you belong to (every team, for platform admins)",
      description = "Closed teams are listed too, with closedAt.")
  List<CountryTeam> teams() {
    return engine.get("/api/country-teams", new ParameterizedTypeReference<List<CountryTeam>>() {});
  }

  @GetMapping("/{code}")
  @Operation(summary = "One country team; its ETag is the version to send in If-Match")
  ResponseEntity<CountryTeam> team(
      @PathVariable @Pattern(regexp = TEAM, message = TEAM_MESSAGE) String code) {
    return Relayed.withVersion(
        engine.exchange(
            HttpMethod.GET, "/api/country-teams/{code}", null, null, CountryTeam.class, code));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a country team (platform admins)",
      description =
          "For the State with the ISO 3166-1 alpha-3 code given; agencies from GET /api/agencies. 409 where the team exists.")
  ResponseEntity<CountryTeam> create(
      @RequestBody
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = NewCountryTeam.class)))
          Map<String, Object> body) {
    ResponseEntity<CountryTeam> created =
        engine.exchange(HttpMethod.POST, "/api/country-teams", body, null, CountryTeam.class);
    return Relayed.created(created, created.getBody().code());
  }

  @PatchMapping(
      path = "/{code}",
      consumes = {MERGE_PATCH_VALUE, MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary = "Rename a country team or change its agencies, time zone or language",
      description =
          "Platform admins and the team's admins. JSON merge patch; send the ETag in If-Match: a change made meanwhile answers 409 with the current team. A closed team takes no change.")
  ResponseEntity<CountryTeam> change(
      @PathVariable @Pattern(regexp = TEAM, message = TEAM_MESSAGE) String code,
      @RequestBody
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = CountryTeamChange.class)))
          Map<String, Object> patch,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return Relayed.withVersion(
        engine.exchange(
            HttpMethod.PATCH,
            "/api/country-teams/{code}",
            MediaType.valueOf(MERGE_PATCH_VALUE),
            patch,
            ifMatch,
            CountryTeam.class,
            code));
  }

  @PostMapping("/{code}/close")
  @Operation(
      summary = "Close a country team (platform admins)",
      description =
          "A closed team starts no new review; the reviews it runs go on to their end, without a hand-over to the next cycle.")
  ResponseEntity<CountryTeam> close(
      @PathVariable @Pattern(regexp = TEAM, message = TEAM_MESSAGE) String code) {
    return Relayed.withVersion(
        engine.exchange(
            HttpMethod.POST,
            "/api/country-teams/{code}/close",
            null,
            null,
            CountryTeam.class,
            code));
  }

  /** A country team. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record CountryTeam(
      @Schema(example = "KEN") String code,
      @Schema(example = "UN Country Team in Kenya") String name,
      List<String> agencies,
      @Schema(example = "Africa/Nairobi") String timeZone,
      @Schema(example = "en") String language,
      int version,
      String createdBy,
      Instant createdAt,
      String closedBy,
      @Schema(description = "set once the team is closed") Instant closedAt) {}

  /** The body of a new country team. */
  @Schema(requiredProperties = {"code", "name", "timeZone", "language"})
  record NewCountryTeam(
      @Schema(example = "KEN", description = "ISO 3166-1 alpha-3 code of the State") String code,
      @Schema(example = "UN Country Team in Kenya") String name,
      @Schema(example = "[\"UNICEF\", \"UNDP\"]") List<String> agencies,
      @Schema(example = "Africa/Nairobi", description = "IANA time zone") String timeZone,
      @Schema(example = "en", description = "BCP 47 language tag") String language) {}

  /** The fields of a country team that change. */
  record CountryTeamChange(String name, List<String> agencies, String timeZone, String language) {}
}
