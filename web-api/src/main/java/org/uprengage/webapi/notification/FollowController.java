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
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Follow a review or a whole country team",
      description =
          "You (or, with agency, every person of an agency you speak for) then hear of its review events, and of the events of the tasks you may see, per your notification preferences (kind review-event). A review that does not exist and one of another country team both answer 404.")
  ResponseEntity<Follow> follow(
      @RequestBody
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = NewFollow.class)))
          Map<String, Object> body) {
    Follow follow = notifications.post("/api/follows", body, Follow.class);
    return Relayed.created(follow, follow.id());
  }

  @GetMapping
  @Operation(summary = "What you, and your agency in your country teams, follow")
  List<Follow> mine() {
    return notifications.get("/api/follows", new ParameterizedTypeReference<List<Follow>>() {});
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Stop following")
  void unfollow(@PathVariable UUID id) {
    notifications.delete("/api/follows/{id}", id);
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
