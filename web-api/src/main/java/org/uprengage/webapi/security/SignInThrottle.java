package org.uprengage.webapi.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed sign-ins of one username within
 * {@link #WINDOW}, further sign-ins of that username are refused (429) until the window has passed.
 * Kept in memory, per web-api instance; a success clears the count.
 */
@Component
public class SignInThrottle {

  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(5);
  private static final int MAX_TRACKED = 10_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  @EventListener
  void onFailure(AbstractAuthenticationFailureEvent event) {
    String username = event.getAuthentication().getName();
    if (username == null || username.isBlank()) {
      return;
    }
    if (failures.size() >= MAX_TRACKED) {
      failures.entrySet().removeIf(entry -> recent(entry.getValue()) == 0);
    }
    Deque<Instant> times = failures.computeIfAbsent(username, name -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.instant());
      while (times.size() > MAX_FAILURES) {
        times.removeFirst();
      }
    }
  }

  @EventListener
  void onSuccess(AuthenticationSuccessEvent event) {
    failures.remove(event.getAuthentication().getName());
  }

  /** How long the username must wait before trying again; zero when it may try now. */
  Duration waitFor(String username) {
    Deque<Instant> times = failures.get(username);
    if (times == null) {
      return Duration.ZERO;
    }
    synchronized (times) {
      if (recent(times) < MAX_FAILURES) {
        return Duration.ZERO;
      }
      return Duration.between(clock.instant(), times.peekFirst().plus(WINDOW));
    }
  }

  private long recent(Deque<Instant> times) {
    Instant since = clock.instant().minus(WINDOW);
    synchronized (times) {
      return times.stream().filter(at -> at.isAfter(since)).count();
    }
  }
}
