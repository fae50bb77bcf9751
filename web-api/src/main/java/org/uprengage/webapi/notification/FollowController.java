package org.uprengage.webapi.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.uprengage.webapi.backend.Backend;

/** Following reviews and country teams, relayed to notification-service. */
@RestController
@RequestMapping("/api/follows")
@Tag(name = "Notifications")
class FollowController {

  private final Backend notifications;

  FollowController(@Qualifier("notifications") Backend notifications) {
    this.notifications = notifications;
  }

  @PostMapping
  @Operation(
      summary = "Follow a review or a whole country team",
      description =
          "You (or, with agency, every person of an agency you speak for) then hear of its review events, and of the events of the tasks you may see, per your notification preferences (kind review-event). A review that does not exist and one of another country team both answer 404.")
  ResponseEntity<Follow> follow(
      @RequestBody
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = NewFollow.class)))
          Map<String, Object> body) {
    Follow follow =
        notifications
            .exchange(
                HttpMethod.POST,
                "/api/follows",
                MediaType.APPLICATION_JSON,
                body,
                Map.of(),
                Follow.class)
            .getBody();
    return ResponseEntity.created(
            ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(follow.id())
                .toUri())
        .body(follow);
  }

  @GetMapping
  @Operation(summary = "What you, and your agency in your country teams, follow")
  List<Follow> mine() {
    return notifications.get("/api/follows", new ParameterizedTypeReference<List<Follow>>() {});
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Stop following")
  ResponseEntity<Void> unfollow(@PathVariable UUID id) {
    notifications.exchange(
        HttpMethod.DELETE, "/api/follows/{id}", null, null, Map.of(), Void.class, id);
    return ResponseEntity.noContent().build();
  }

  /** What to follow. */
  record NewFollow(
      @Schema(description = "A review; left out to follow a whole country team") UUID reviewId,
      @Schema(description = "The country team; yours where left out") String countryTeam,
      @Schema(
              description =
                  "Follow for this agency (its heads of office, focal points, coordinators)")
          String agency) {}

  /** A follow. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Follow(
      UUID id,
      @Schema(description = "person or agency") String followerType,
      String follower,
      String countryTeam,
      UUID reviewId,
      String createdBy,
      Instant createdAt) {}
}
