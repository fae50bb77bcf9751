package org.uprengage.engine.recommendation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.security.Caller;

/** A review's implementation matrix, as JSON, CSV or a Word document. */
@RestController
class MatrixController {

  private static final List<String> FORMATS = List.of("json", "csv", "docx");

  private final ImplementationMatrices matrices;

  MatrixController(ImplementationMatrices matrices) {
    this.matrices = matrices;
  }

  @GetMapping("/api/reviews/{id}/implementation-matrix")
  ResponseEntity<?> matrix(
      Caller caller,
      @PathVariable UUID id,
      @RequestParam(required = false) String groupBy,
      @RequestParam(defaultValue = "json") String format) {
    ImplementationMatrix matrix = matrices.of(caller, id, groupBy);
    if (!FORMATS.contains(format)) {
      throw new InvalidInput("format", "must be one of " + FORMATS);
    }
    if (format.equals("json")) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(matrix);
    }
    boolean csv = format.equals("csv");
    return ResponseEntity.ok()
        .contentType(
            csv
                ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaType.parseMediaType(RecommendationController.DOCX))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(
                    "implementation-matrix-"
                        + matrix.country()
                        + "-"
                        + matrix.session()
                        + "-by-"
                        + matrix.groupBy()
                        + "."
                        + format)
                .build()
                .toString())
        .body(csv ? ImplementationMatrices.csv(matrix) : ImplementationMatrices.docx(matrix));
  }
}
