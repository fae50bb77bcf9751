package org.uprengage.webapi.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.backend.Relayed;

/** Documents attached to a task by their link (UPR Engage never keeps the file). */
@RestController
@RequestMapping("/api/tasks/{id}/attachments")
@Tag(name = "Tasks")
class TaskAttachmentController {

  private final Backend engine;

  TaskAttachmentController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping
  @Operation(summary = "Documents attached to a task, by link")
  List<TaskResources.Attachment> attachments(
      @PathVariable @Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE)
          String id) {
    return engine.get(
        "/api/tasks/{id}/attachments",
        new ParameterizedTypeReference<List<TaskResources.Attachment>>() {},
        id);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Attach a document to a task by its link",
      description =
          "UPR Engage keeps the link (http or https, no credentials in it), never the file. At most 50 a task.")
  ResponseEntity<TaskResources.Attachment> attach(
      @PathVariable @Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE)
          String id,
      @Valid @RequestBody NewAttachment attachment) {
    TaskResources.Attachment added =
        engine.post("/api/tasks/{id}/attachments", attachment, TaskResources.Attachment.class, id);
    return Relayed.created(added, added.id());
  }

  @DeleteMapping("/{attachmentId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove an attachment (the person who added it, or a coordinator)")
  void detach(
      @PathVariable @Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE)
          String id,
      @PathVariable UUID attachmentId) {
    engine.delete("/api/tasks/{id}/attachments/{attachmentId}", id, attachmentId);
  }

  /** A document's name and link. */
  record NewAttachment(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 2000) String url,
      @Size(max = 1000) String description) {}
}
