package org.uprengage.webapi.people;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

/** The people of the country teams, as the identity provider or an admin's import gave them. */
@RestController
@RequestMapping("/api/people")
@Tag(name = "People")
class PeopleController {

  private static final String CSV = "text/csv";

  private final Backend engine;

  PeopleController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping
  @Operation(
      summary =
          "The people of a country team (admins and its coordinators; every team's for platform admins)",
      description =
          "Without countryTeam: the people of every team you may list. People appear as their first request arrives, or by an import.")
  List<Person> people(
      @RequestParam(required = false)
          @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code such as KEN")
          String countryTeam) {
    ParameterizedTypeReference<List<Person>> list = new ParameterizedTypeReference<>() {};
    return countryTeam == null
        ? engine.get("/api/people", list)
        : engine.get("/api/people?countryTeam={team}", list, countryTeam);
  }

  @PostMapping(path = "/import", consumes = CSV)
  @Operation(
      summary = "Load people from a CSV (platform admins, and team admins for their teams)",
      description =
          "RFC 4180, UTF-8 with or without BOM, header username,name,email,roles,agency,country_teams,language,time_zone (roles and country_teams separated by spaces or ;). Each row is answered: created, updated, unchanged, or rejected with its line and reason; the other rows are kept. Importing the same file again changes nothing; a person the identity provider describes keeps what their token says.")
  ImportResult load(
      @RequestBody
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = CSV,
                      schema =
                          @Schema(
                              type = "string",
                              example =
                                  "username,name,email,roles,agency,country_teams,language,time_zone\nawanjiru,Amina Wanjiru,awanjiru@example.org,focal-point,UNICEF,KEN,sw,Africa/Nairobi\n")))
          String csv) {
    String noIfMatch = null;
    return engine
        .exchange(
            HttpMethod.POST,
            "/api/people/import",
            MediaType.valueOf(CSV + ";charset=UTF-8"),
            csv,
            noIfMatch,
            ImportResult.class)
        .getBody();
  }

  /** Someone of the directory. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Person(
      String username,
      String displayName,
      String email,
      String language,
      String timeZone,
      String agency,
      List<String> roles,
      List<String> countryTeams,
      @Schema(allowableValues = {"token", "import"}) String source,
      int version) {}

  /**
   * What became of each row of an import, and the counts (named apart from the recommendations'
   * import result in the OpenAPI document, which otherwise keeps whichever it met first).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @Schema(name = "PeopleImportResult")
  record ImportResult(int created, int updated, int unchanged, int rejected, List<Row> rows) {}

  /** One row's outcome. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @Schema(name = "PeopleImportRow")
  record Row(
      int line,
      String username,
      @Schema(allowableValues = {"created", "updated", "unchanged", "rejected"}) String outcome,
      String reason) {}
}
