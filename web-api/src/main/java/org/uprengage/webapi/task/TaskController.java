package org.uprengage.webapi.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks")
class TaskController {

  private static final String TASK_ID = "[A-Za-z0-9-]{1,64}";
  private static final String TASK_ID_MESSAGE = "is not a task id";

  private final Backend engine;

  TaskController(@org.springframework.beans.factory.annotation.Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @GetMapping
  @Operation(
      summary = "Your tasks and the tasks your groups may claim",
      description =
          "Oldest first, in pages of at most 100; only one review's where reviewId is given.")
  TaskResources.TaskPage list(
      @RequestParam(required = false) UUID reviewId,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
    return reviewId == null
        ? engine.get("/api/tasks?page={page}&size={size}", TaskResources.TaskPage.class, page, size)
        : engine.get(
            "/api/tasks?reviewId={reviewId}&page={page}&size={size}",
            TaskResources.TaskPage.class,
            reviewId,
            page,
            size);
  }

  @GetMapping("/{id}")
  @Operation(summary = "A task with the inputs it takes")
  TaskResources.Task get(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id) {
    return engine.get("/api/tasks/{id}", TaskResources.Task.class, id);
  }

  @PostMapping("/{id}/claim")
  @Operation(
      summary = "Claim a task",
      description = "409 if someone else holds it; claiming your own task changes nothing.")
  TaskResources.Task claim(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id) {
    return engine.post("/api/tasks/{id}/claim", null, TaskResources.Task.class, id);
  }

  @PostMapping("/{id}/unclaim")
  @Operation(
      summary = "Give a task back to its groups",
      description = "Only the person who holds it.")
  TaskResources.Task unclaim(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id) {
    return engine.post("/api/tasks/{id}/unclaim", null, TaskResources.Task.class, id);
  }

  @PostMapping("/{id}/complete")
  @Operation(
      summary = "Complete a task you hold",
      description = "The body holds the task's inputs, as its form lists them.")
  ResponseEntity<Void> complete(
      @PathVariable @Pattern(regexp = TASK_ID, message = TASK_ID_MESSAGE) String id,
      @RequestBody(required = false) Map<String, Object> inputs) {
    engine.post("/api/tasks/{id}/complete", inputs == null ? Map.of() : inputs, null, id);
    return ResponseEntity.noContent().build();
  }
}
