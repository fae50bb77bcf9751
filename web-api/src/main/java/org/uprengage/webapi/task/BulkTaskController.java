package org.uprengage.webapi.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.backend.Backend;

/**
 * Commands on up to 50 tasks at once, each task with its own result; each person has a budget of
 * them (see the web package's bulk rate limit).
 */
@RestController
@RequestMapping("/api/tasks/bulk")
@Tag(name = "Tasks")
class BulkTaskController {

  private final Backend engine;

  BulkTaskController(@Qualifier("engine") Backend engine) {
    this.engine = engine;
  }

  @PostMapping("/claim")
  @Operation(
      summary = "Claim several tasks",
      description =
          "Each task gets its own result (status, task or problem); at most 50 a request.")
  List<TaskResources.BulkResult> claim(@Valid @RequestBody BulkRequest request) {
    return bulk("claim", request);
  }

  @PostMapping("/assign")
  @Operation(
      summary = "Assign several tasks to one person (coordinators)",
      description = "Each task gets its own result; at most 50 a request.")
  List<TaskResources.BulkResult> assign(@Valid @RequestBody BulkRequest request) {
    return bulk("assign", request);
  }

  @PostMapping("/complete")
  @Operation(
      summary = "Complete several tasks you hold with the same inputs",
      description = "Each task gets its own result; at most 50 a request.")
  List<TaskResources.BulkResult> complete(@Valid @RequestBody BulkRequest request) {
    return bulk("complete", request);
  }

  private List<TaskResources.BulkResult> bulk(String action, BulkRequest request) {
    return List.of(
        engine.post("/api/tasks/bulk/{action}", request, TaskResources.BulkResult[].class, action));
  }

  /** Up to 50 tasks; the assignee for assign, the inputs for complete. */
  record BulkRequest(
      @NotEmpty @Size(max = 50)
          List<@Pattern(regexp = TaskResources.ID, message = TaskResources.ID_MESSAGE) String>
              taskIds,
      @Pattern(regexp = TaskResources.USERNAME, message = TaskResources.USERNAME_MESSAGE)
          String assignee,
      Map<String, Object> input) {}
}
