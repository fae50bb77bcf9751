package org.uprengage.webapi.page.review;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.page.Back;
import org.uprengage.webapi.page.FieldErrors;
import org.uprengage.webapi.page.Person;

/**
 * What coordinators do with a review's recommendations on its page, through the API's own calls:
 * import OHCHR's list (.docx or CSV) and read what became of it in words, give each recommendation
 * a lead agency, one row or the rows they selected (with a result per row); and, for everyone of
 * the team, the implementation matrix as CSV or Word. What the engine refuses comes back beside the
 * field it names, with what the person chose kept.
 */
@Controller
class RecommendationWork {

  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final Backend engine;

  RecommendationWork(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  /**
   * What the review page needs for this work: where its forms come back to (the page as filtered),
   * and, for coordinators where recommendations are listed, the agencies they may be given to.
   */
  static void prepare(
      Backend engine,
      UUID id,
      boolean listsRecommendations,
      HttpServletRequest request,
      Person me,
      Model model) {
    String query = request.getQueryString();
    model.addAttribute("here", "/reviews/" + id + (query == null ? "" : "?" + query));
    List<Agency> agencies = new ArrayList<>();
    if (me.coordinator() && listsRecommendations) {
      engine
          .get("/api/agencies", JsonNode.class)
          .forEach(
              agency ->
                  agencies.add(
                      new Agency(agency.path("code").asText(), agency.path("name").asText())));
    }
    model.addAttribute("agencies", agencies);
  }

  @PostMapping("/reviews/{id}/recommendations/imports")
  String importList(
      @PathVariable UUID id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes flash)
      throws IOException {
    String back = "redirect:/reviews/" + id + "#import-title";
    if (file == null || file.isEmpty()) {
      flash.addFlashAttribute("importError", new Said("page.recs.import.noFile", null));
      return back;
    }
    try {
      JsonNode result =
          engine
              .exchange(
                  HttpMethod.POST,
                  "/api/reviews/{id}/recommendations/imports",
                  MediaType.APPLICATION_OCTET_STREAM,
                  file.getBytes(),
                  null,
                  JsonNode.class,
                  id)
              .getBody();
      flash.addFlashAttribute("imported", Imported.of(file.getOriginalFilename(), result));
    } catch (ErrorResponseException refused) {
      flash.addFlashAttribute(
          "importError",
          new Said(null, file.getOriginalFilename() + ": " + refused.getBody().getDetail()));
    }
    return back;
  }

  /**
   * One recommendation's lead agency; the agencies supporting it stay, but the new lead (a lead may
   * not also support).
   */
  @PostMapping("/reviews/{id}/recommendations/{recommendationId}/assignment")
  String assignOne(
      @PathVariable UUID id,
      @PathVariable UUID recommendationId,
      @RequestParam(defaultValue = "") String leadAgency,
      @RequestParam(name = "supportingAgencies", required = false) List<String> supporting,
      @RequestParam(required = false) String back,
      RedirectAttributes flash) {
    String to = "redirect:" + Back.to(back, "/reviews/" + id) + "#rec-" + recommendationId;
    if (leadAgency.isBlank()) {
      flash.addFlashAttribute(
          "rowError", Map.of(recommendationId.toString(), new Said("page.recs.chooseLead", null)));
      return to;
    }
    List<String> kept = new ArrayList<>(supporting == null ? List.of() : supporting);
    kept.remove(leadAgency);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("leadAgency", leadAgency);
    body.put("supportingAgencies", kept);
    try {
      JsonNode now =
          engine.put(
              "/api/reviews/{id}/recommendations/{recommendationId}/assignment",
              body,
              JsonNode.class,
              id,
              recommendationId);
      flash.addFlashAttribute(
          "rowDone",
          Map.of(
              recommendationId.toString(),
              new Said("page.recs.assigned", now.path("leadAgency").asText(leadAgency))));
    } catch (ErrorResponseException refused) {
      flash.addFlashAttribute(
          "rowError", Map.of(recommendationId.toString(), new Said(null, words(refused))));
      flash.addFlashAttribute("rowTyped", Map.of(recommendationId.toString(), leadAgency));
    }
    return to;
  }

  /** The selected rows' lead agency (and supporting agencies), with what became of each row. */
  @PostMapping("/reviews/{id}/recommendations/assignments")
  String assignMany(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String leadAgency,
      @RequestParam(name = "supportingAgencies", required = false) List<String> supporting,
      @RequestParam(name = "paragraphs", required = false) List<String> paragraphs,
      @RequestParam(required = false) String back,
      RedirectAttributes flash) {
    String to = "redirect:" + Back.to(back, "/reviews/" + id) + "#bulk-title";
    BulkTyped typed =
        new BulkTyped(
            leadAgency,
            supporting == null ? List.of() : List.copyOf(supporting),
            paragraphs == null ? List.of() : List.copyOf(paragraphs));
    flash.addFlashAttribute("bulkTyped", typed);
    Map<String, Said> errors = new LinkedHashMap<>();
    if (leadAgency.isBlank()) {
      errors.put("leadAgency", new Said("page.recs.chooseLead", null));
    }
    if (typed.paragraphs().isEmpty()) {
      errors.put("paragraphs", new Said("page.recs.selectRows", null));
    }
    if (errors.isEmpty()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("leadAgency", leadAgency);
      body.put("supportingAgencies", typed.supporting());
      body.put("paragraphs", typed.paragraphs());
      try {
        JsonNode answer =
            engine.post("/api/reviews/{id}/recommendations/assignments", body, JsonNode.class, id);
        List<RowResult> results = new ArrayList<>();
        answer
            .path("results")
            .forEach(
                result ->
                    results.add(
                        new RowResult(
                            result.path("paragraph").asText(),
                            result.path("result").asText(),
                            result.path("reason").asText(null))));
        flash.addFlashAttribute(
            "bulkDone",
            new BulkDone(
                leadAgency,
                answer.path("changed").asLong(),
                answer.path("unchanged").asLong(),
                answer.path("rejected").asLong(),
                results));
        flash.addFlashAttribute("bulkTyped", new BulkTyped("", List.of(), List.of()));
      } catch (ErrorResponseException refused) {
        Map<String, String> named = FieldErrors.of(refused);
        named.forEach(
            (field, message) -> errors.put(field(field), new Said(null, field + " " + message)));
        if (named.isEmpty()) {
          errors.put("leadAgency", new Said(null, refused.getBody().getDetail()));
        }
      }
    }
    if (!errors.isEmpty()) {
      flash.addFlashAttribute("bulkErrors", errors);
    }
    return to;
  }

  /** The implementation matrix as the person downloads it: CSV or a Word document. */
  @GetMapping("/reviews/{id}/implementation-matrix.{format:csv|docx}")
  ResponseEntity<byte[]> matrix(
      @PathVariable UUID id,
      @PathVariable String format,
      @RequestParam(defaultValue = "theme") String groupBy) {
    if (!List.of("theme", "sdg", "agency").contains(groupBy)) {
      throw new ErrorResponseException(HttpStatus.NOT_FOUND);
    }
    MediaType type = MediaType.parseMediaType(format.equals("csv") ? "text/csv" : DOCX);
    byte[] document =
        engine.document(
            "/api/reviews/{id}/implementation-matrix?groupBy={groupBy}&format={format}",
            type,
            id,
            groupBy,
            format);
    return ResponseEntity.ok()
        .contentType(
            format.equals("csv") ? MediaType.parseMediaType("text/csv;charset=UTF-8") : type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("implementation-matrix-" + id + "-by-" + groupBy + "." + format)
                .build()
                .toString())
        .body(document);
  }

  /** The form's field a refusal's field belongs to: {@code paragraphs[2]} is the rows chosen. */
  private static String field(String named) {
    return named.startsWith("paragraphs") ? "paragraphs" : named;
  }

  private static String words(ErrorResponseException refused) {
    Map<String, String> named = FieldErrors.of(refused);
    return named.isEmpty()
        ? refused.getBody().getDetail()
        : String.join(
            "; ", named.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
  }

  /** An agency a recommendation can be given to. */
  record Agency(String code, String name) {}

  /** Something said on the page: a message key with its argument, or the API's own words. */
  record Said(String key, String words) implements Serializable {}

  /** What an import of a list did, in the words of the page. */
  record Imported(
      String file,
      String format,
      int added,
      int updated,
      int unchanged,
      int recommendations,
      List<Rejected> rejected)
      implements Serializable {

    static Imported of(String file, JsonNode result) {
      List<Rejected> rejected = new ArrayList<>();
      result
          .path("rejected")
          .forEach(
              row ->
                  rejected.add(
                      new Rejected(
                          row.path("row").asInt(),
                          row.path("paragraph").asText(null),
                          row.path("reason").asText())));
      return new Imported(
          file,
          result.path("format").asText(),
          result.path("added").asInt(),
          result.path("updated").asInt(),
          result.path("unchanged").asInt(),
          result.path("recommendations").asInt(),
          rejected);
    }

    /** Whether the list changed nothing in the register (a re-import of the same list). */
    public boolean changedNothing() {
      return added == 0 && updated == 0;
    }
  }

  /** A row of the list that was not taken, and why. */
  record Rejected(int row, String paragraph, String reason) implements Serializable {}

  /** What the person chose in the form for the selected rows. */
  record BulkTyped(String leadAgency, List<String> supporting, List<String> paragraphs)
      implements Serializable {}

  /** What became of the selected rows. */
  record BulkDone(
      String leadAgency, long changed, long unchanged, long rejected, List<RowResult> results)
      implements Serializable {}

  /** What became of one row: changed, unchanged or rejected (with the reason). */
  record RowResult(String paragraph, String result, String reason) implements Serializable {}
}
