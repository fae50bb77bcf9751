package org.uprengage.webapi.recommendation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

/** A review's implementation matrix, relayed as JSON, CSV or a Word document. */
@RestController
@Tag(name = "Recommendations")
class MatrixController {

  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final String CSV = "text/csv";
  private static final String MATRIX =
      "/api/reviews/{id}/implementation-matrix?groupBy={groupBy}&format={format}";

  private final Backend engine;

  MatrixController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping("/api/reviews/{id}/implementation-matrix")
  @Operation(
      summary = "The implementation matrix of a review",
      description =
          "What the country team hands to the Government and to OHCHR: the recommendations grouped"
              + " by theme (default), SDG (a recommendation under each of its goals) or lead"
              + " agency, each with its position, lead and supporting agencies, implementation"
              + " status and the latest counted progress narrative. format json (default), csv"
              + " (RFC 4180, UTF-8; one line a recommendation in its group) or docx (a Word"
              + " document: a table per group). 404 for a review of another country team.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The matrix",
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema =
                        @Schema(
                            implementation = RecommendationResources.ImplementationMatrix.class)),
                @Content(mediaType = CSV, schema = @Schema(type = "string")),
                @Content(mediaType = DOCX, schema = @Schema(type = "string", format = "binary"))
              }))
  ResponseEntity<?> matrix(
      @PathVariable UUID id,
      @Parameter(description = "theme (default), sdg or agency")
          @RequestParam(defaultValue = "theme")
          @Pattern(regexp = "theme|sdg|agency", message = "must be one of theme, sdg, agency")
          String groupBy,
      @Parameter(description = "json (default), csv or docx")
          @RequestParam(defaultValue = "json")
          @Pattern(regexp = "json|csv|docx", message = "must be one of json, csv, docx")
          String format) {
    if (format.equals("json")) {
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(
              engine.get(
                  MATRIX, RecommendationResources.ImplementationMatrix.class, id, groupBy, format));
    }
    MediaType type = MediaType.parseMediaType(format.equals("csv") ? CSV : DOCX);
    byte[] document = engine.document(MATRIX, type, id, groupBy, format);
    return ResponseEntity.ok()
        .contentType(format.equals("csv") ? MediaType.parseMediaType(CSV + ";charset=UTF-8") : type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("implementation-matrix-" + id + "-by-" + groupBy + "." + format)
                .build()
                .toString())
        .body(document);
  }
}
