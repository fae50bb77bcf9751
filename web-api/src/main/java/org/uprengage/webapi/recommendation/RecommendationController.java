package org.uprengage.webapi.recommendation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.web.ApiProblem;
import org.uprengage.webapi.web.RequestSizeLimitFilter;

/** A review's register of recommendations: import a list, browse the register. */
@RestController
@Tag(name = "Recommendations")
class RecommendationController {

  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final String IMPORTS = "/api/reviews/{id}/recommendations/imports";
  private static final String IMPORT_DESCRIPTION =
      "OHCHR's thematic list of recommendations as published (.docx, every layout since the 2nd"
          + " cycle) or the CSV described in the API guide (RFC 4180, UTF-8 with or without a byte"
          + " order mark), as the part 'file' of a form or as the body; at most 5 MiB. The format"
          + " is read from the file itself. Recommendations are added, or updated by paragraph"
          + " number; a re-import of the same list changes nothing. Rows that cannot be taken are"
          + " listed with their reason; the rest are taken. A file that is not a list is 415 (a"
          + " PDF, an image, a spreadsheet) or 400 (a Word document without the table, a CSV"
          + " with another header). Coordinators and admins of the review's country team.";

  private final Backend engine;

  RecommendationController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @PostMapping(
      path = IMPORTS,
      consumes = {
        MediaType.MULTIPART_FORM_DATA_VALUE,
        DOCX,
        "text/csv",
        MediaType.APPLICATION_OCTET_STREAM_VALUE
      })
  @Operation(
      summary = "Import a list of recommendations into the review's register",
      description = IMPORT_DESCRIPTION,
      requestBody =
          @RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = RecommendationResources.Upload.class)),
                @Content(mediaType = DOCX, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(
                    mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema = @Schema(type = "string", format = "binary"))
              }))
  RecommendationResources.ImportResult importList(
      @PathVariable UUID id, @Parameter(hidden = true) HttpServletRequest request)
      throws IOException {
    if (request instanceof MultipartHttpServletRequest form) {
      MultipartFile file = form.getFile("file");
      if (file == null) {
        throw ApiProblem.invalid("file", "is missing: send the list as the form's part 'file'");
      }
      return relay(id, file.getBytes());
    }
    try (InputStream body = request.getInputStream()) {
      return relay(id, body.readNBytes(RequestSizeLimitFilter.MAX_LIST_BYTES + 1));
    }
  }

  private RecommendationResources.ImportResult relay(UUID id, byte[] list) {
    return engine
        .exchange(
            HttpMethod.POST,
            IMPORTS,
            MediaType.APPLICATION_OCTET_STREAM,
            list,
            null,
            RecommendationResources.ImportResult.class,
            id)
        .getBody();
  }

  @GetMapping("/api/reviews/{id}/recommendations")
  @Operation(
      summary = "The review's recommendations, filtered, sorted and in pages",
      description =
          "Filters: theme, group (of persons), sdg, position, state (recommending), text. Pages of"
              + " at most 200.")
  @RecommendationPageAnswer
  ResponseEntity<byte[]> ofReview(
      @PathVariable UUID id,
      @ParameterObject @Valid RecommendationFilters filters,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return browse(
        UriComponentsBuilder.fromPath("/api/reviews/{id}/recommendations"),
        filters,
        page,
        size,
        id);
  }

  @GetMapping("/api/reviews/{id}/previous-recommendations")
  @Operation(
      summary = "The previous review's recommendations not implemented yet",
      description =
          "What the review takes over from the one before it: its recommendations with any status"
              + " but implemented and not-applicable, in paragraph order, and how many each agency"
              + " leads on (byLeadAgency; unassigned for those without a lead), for planning the"
              + " joint submission. Empty where the review has no previous one.")
  RecommendationResources.PreviousRecommendations previous(@PathVariable UUID id) {
    return engine.get(
        "/api/reviews/{id}/previous-recommendations",
        RecommendationResources.PreviousRecommendations.class,
        id);
  }

  @GetMapping("/api/recommendations")
  @Operation(
      summary = "The recommendations of every review of a country team, the latest review first",
      description =
          "The previous cycles' recommendations beside the current ones. countryTeam: the team's"
              + " ISO 3166-1 alpha-3 code (one of yours). Filters, sort and pages as for one"
              + " review's.")
  @RecommendationPageAnswer
  ResponseEntity<byte[]> ofCountryTeam(
      @RequestParam
          @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code such as GHA")
          String countryTeam,
      @ParameterObject @Valid RecommendationFilters filters,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return browse(
        UriComponentsBuilder.fromPath("/api/recommendations")
            .queryParam("countryTeam", countryTeam),
        filters,
        page,
        size);
  }

  /**
   * Relays the filters; their values go in as URI variables (after the path's), so the client
   * encodes them. The engine's page passes through as it came (Backend.relay).
   */
  private ResponseEntity<byte[]> browse(
      UriComponentsBuilder uri,
      RecommendationFilters filters,
      int page,
      int size,
      Object... pathVariables) {
    List<Object> variables = new ArrayList<>(List.of(pathVariables));
    uri.queryParam("page", page).queryParam("size", size);
    filters
        .given()
        .forEach(
            (name, value) -> {
              uri.queryParam(name, "{" + name + "}");
              variables.add(value);
            });
    return engine.relay(HttpMethod.GET, uri.build().toUriString(), null, null, variables.toArray());
  }
}
