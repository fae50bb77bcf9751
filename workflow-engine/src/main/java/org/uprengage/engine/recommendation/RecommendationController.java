package org.uprengage.engine.recommendation;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.security.Caller;

/** Imports lists of recommendations into a review's register, and browses the register. */
@RestController
class RecommendationController {

  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final String IMPORTS = "/api/reviews/{id}/recommendations/imports";

  private final RecommendationRegister register;
  private final AuditedChanges changes;

  RecommendationController(RecommendationRegister register, AuditedChanges changes) {
    this.register = register;
    this.changes = changes;
  }

  /** The list as the part {@code file} of a form upload. */
  @PostMapping(path = IMPORTS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ImportResult> importUpload(
      Caller caller, @PathVariable UUID id, @RequestParam("file") MultipartFile file)
      throws IOException {
    if (file.getSize() > ListReader.MAX_BYTES) {
      throw ListReader.tooLarge();
    }
    return importList(caller, id, file.getBytes());
  }

  /** The list as the request's body. */
  @PostMapping(
      path = IMPORTS,
      consumes = {DOCX, "text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
  ResponseEntity<ImportResult> importBody(
      Caller caller, @PathVariable UUID id, HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > ListReader.MAX_BYTES) {
      throw ListReader.tooLarge();
    }
    try (InputStream body = request.getInputStream()) {
      return importList(caller, id, body.readNBytes(ListReader.MAX_BYTES + 1));
    }
  }

  private ResponseEntity<ImportResult> importList(Caller caller, UUID id, byte[] list) {
    return changes.commit(() -> ResponseEntity.ok(register.importList(caller, id, list)));
  }

  /** The review's recommendations; the filters come from the query (see the filter's fields). */
  @GetMapping("/api/reviews/{id}/recommendations")
  RecommendationPage ofReview(
      Caller caller,
      @PathVariable UUID id,
      RecommendationFilter filter,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return register.list(caller, id, filter, page, size);
  }

  /** The previous review's recommendations not implemented yet, and who leads on them. */
  @GetMapping("/api/reviews/{id}/previous-recommendations")
  PreviousRecommendations previous(Caller caller, @PathVariable UUID id) {
    return register.previous(caller, id);
  }

  @GetMapping("/api/recommendations")
  RecommendationPage ofCountryTeam(
      Caller caller,
      @RequestParam String countryTeam,
      RecommendationFilter filter,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return register.ofCountryTeam(caller, countryTeam, filter, page, size);
  }
}
