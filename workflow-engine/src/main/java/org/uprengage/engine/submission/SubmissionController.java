package org.uprengage.engine.submission;

import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.security.Caller;

/** A review's joint submission as it stands. */
@RestController
class SubmissionController {

  private final SubmissionRecord record;

  SubmissionController(SubmissionRecord record) {
    this.record = record;
  }

  @GetMapping("/api/reviews/{id}/submission")
  SubmissionView submission(Caller caller, @PathVariable UUID id) {
    return record.of(caller, id);
  }

  /** A round's document as OHCHR receives it ({@code .docx}); the latest round by default. */
  @GetMapping(value = "/api/reviews/{id}/submission/document")
  ResponseEntity<byte[]> document(
      Caller caller,
      @PathVariable UUID id,
      @RequestParam(required = false) Integer round,
      @RequestParam(required = false) String language) {
    byte[] document = record.document(caller, id, round, language);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(SubmissionDocument.MEDIA_TYPE))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(
                    "joint-submission-" + id + (round == null ? "" : "-round-" + round) + ".docx")
                .build()
                .toString())
        .body(document);
  }
}
