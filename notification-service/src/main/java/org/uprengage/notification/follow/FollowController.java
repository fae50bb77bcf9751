package org.uprengage.notification.follow;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.notification.security.Caller;
import org.uprengage.notification.security.Callers;
import org.uprengage.notification.taskstate.ReviewTeams;
import org.uprengage.notification.web.Problems;

/** Following reviews and country teams: follow, list, stop. */
@RestController
@RequestMapping("/api/follows")
class FollowController {

  private final Follows follows;
  private final ReviewTeams reviews;
  private final Callers callers;

  FollowController(Follows follows, ReviewTeams reviews, Callers callers) {
    this.follows = follows;
    this.reviews = reviews;
    this.callers = callers;
  }

  @PostMapping
  ResponseEntity<Follow> follow(
      @AuthenticationPrincipal Jwt token, @RequestBody NewFollow request) {
    Caller caller = callers.of(token);
    Follow follow =
        follows.follow(
            caller,
            request,
            request.reviewId() == null ? Optional.empty() : reviews.of(request.reviewId()));
    return ResponseEntity.created(URI.create("/api/follows/" + follow.id())).body(follow);
  }

  @GetMapping
  List<Follow> mine(@AuthenticationPrincipal Jwt token) {
    return follows.of(callers.of(token));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> unfollow(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    if (!follows.unfollow(callers.of(token), id)) {
      throw Problems.notFound("Follow not found", "You have no follow " + id + ".");
    }
    return ResponseEntity.noContent().build();
  }
}
