package org.uprengage.webapi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Bulk operations (the API's and the pages') touch up to 50 tasks each, so each person gets a
 * budget of them: at most {@code upr.rate-limits.bulk.requests} bulk requests in any {@code
 * upr.rate-limits.bulk.window} (default 20 a minute, a thousand task changes). Beyond it, 429 with
 * Retry-After. Kept in memory, per web-api instance.
 */
@Configuration
class BulkRateLimit implements HandlerInterceptor, WebMvcConfigurer {

  private static final int MAX_TRACKED = 10_000;

  private final int limit;
  private final Duration window;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

  BulkRateLimit(
      @Value("${upr.rate-limits.bulk.requests:20}") int limit,
      @Value("${upr.rate-limits.bulk.window:PT1M}") Duration window) {
    this.limit = limit;
    this.window = window;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/tasks/bulk/**", "/tasks/bulk");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller == null || !"POST".equals(request.getMethod())) {
      return true;
    }
    Duration wait = take(caller.getName());
    if (wait.isZero()) {
      return true;
    }
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    throw ApiProblem.tooManyRequests(
        "too-many-bulk-requests",
        "Too many bulk requests",
        "At most "
            + limit
            + " bulk requests in "
            + window.toSeconds()
            + " seconds; try again in "
            + seconds
            + " seconds.",
        seconds);
  }

  /** Counts a request if the person has budget left: zero, or how long until they have. */
  private Duration take(String username) {
    Instant now = clock.instant();
    if (recent.size() >= MAX_TRACKED) {
      recent.entrySet().removeIf(entry -> newest(entry.getValue()).isBefore(now.minus(window)));
    }
    Deque<Instant> times = recent.computeIfAbsent(username, name -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
        times.removeFirst();
      }
      if (times.size() >= limit) {
        return Duration.between(now, times.peekFirst().plus(window));
      }
      times.addLast(now);
      return Duration.ZERO;
    }
  }

  private static Instant newest(Deque<Instant> times) {
    synchronized (times) {
      return times.isEmpty() ? Instant.MIN : times.peekLast();
    }
  }
}
