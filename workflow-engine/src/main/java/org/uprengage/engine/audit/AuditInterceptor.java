package org.uprengage.engine.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every request under {@code /api} that is not a read, after it ended, with the status it
 * ended with. "From where" is the first address of {@code X-Forwarded-For} (set by web-api), else
 * the peer's address.
 */
@org.springframework.stereotype.Component
class AuditInterceptor implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);

  private final AuditTrail trail;
  private final String usernameClaim;

  AuditInterceptor(
      AuditTrail trail,
      @Value("${upr.security.claims.username:preferred_username}") String usernameClaim) {
    this.trail = trail;
    this.usernameClaim = usernameClaim;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (request.getMethod().equals("GET")
        || request.getMethod().equals("HEAD")
        || request.getMethod().equals("OPTIONS")) {
      return;
    }
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String action =
        request.getMethod() + " " + (pattern == null ? request.getRequestURI() : pattern);
    @SuppressWarnings("unchecked")
    Map<String, String> variables =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    UUID reviewId = (UUID) request.getAttribute(AuditTrail.REVIEW_ATTRIBUTE);
    String taskId = (String) request.getAttribute(AuditTrail.TASK_ATTRIBUTE);
    if (reviewId == null && variables != null && action.contains("/api/reviews/{")) {
      reviewId = uuid(variables.getOrDefault("reviewId", variables.get("id")));
    }
    if (taskId == null && variables != null && action.contains("/api/tasks/{id}")) {
      taskId = variables.get("id");
    }
    try {
      trail.record(actor(), action, response.getStatus(), reviewId, taskId, from(request));
    } catch (RuntimeException e) {
      log.error("Could not record {} in the audit trail", action, e);
    }
  }

  private String actor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
      String username = jwt.getClaimAsString(usernameClaim);
      return username == null ? jwt.getSubject() : username;
    }
    return null;
  }

  private static String from(HttpServletRequest request) {
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank()) {
      return forwarded.split(",")[0].trim();
    }
    return request.getRemoteAddr();
  }

  private static UUID uuid(String value) {
    try {
      return value == null ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
