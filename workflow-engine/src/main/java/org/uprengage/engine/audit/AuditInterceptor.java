package org.uprengage.engine.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.uprengage.engine.security.AuthenticatedCaller;
import org.uprengage.engine.security.Caller;

/**
 * The web side of the audit: as a request under {@code /api} that is not a read arrives, tells the
 * audit who sent it (the authenticated caller), what it asks and from where; once it ended, records
 * it with its status unless a change already committed its row (a refused or failed attempt, whose
 * transaction rolled back).
 */
@Component
class AuditInterceptor implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final AuditTrail trail;
  private final ObjectProvider<AuditedRequest> requests;
  private final AuthenticatedCaller callers;
  private final ClientAddress clientAddress;

  AuditInterceptor(
      AuditTrail trail,
      ObjectProvider<AuditedRequest> requests,
      AuthenticatedCaller callers,
      ClientAddress clientAddress) {
    this.trail = trail;
    this.requests = requests;
    this.callers = callers;
    this.clientAddress = clientAddress;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (READS.contains(request.getMethod())) {
      return true;
    }
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String action =
        request.getMethod() + " " + (pattern == null ? request.getRequestURI() : pattern);
    @SuppressWarnings("unchecked")
    Map<String, String> variables =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    UUID reviewId = null;
    String taskId = null;
    if (variables != null && action.contains("/api/reviews/{")) {
      reviewId = uuid(variables.getOrDefault("reviewId", variables.get("id")));
    }
    if (variables != null && action.contains("/api/tasks/{id}")) {
      taskId = variables.get("id");
    }
    requests
        .getObject()
        .arrived(
            callers.current().map(Caller::username).orElse(null),
            action,
            clientAddress.of(request),
            reviewId,
            taskId);
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (READS.contains(request.getMethod())) {
      return;
    }
    AuditedRequest audited = requests.getObject();
    int status = response.getStatus();
    if (!audited.arrived() || (audited.recorded() && status < 400)) {
      return;
    }
    if (status < 400) {
      log.warn("A change answered {} without its audit row in its transaction", status);
    }
    try {
      audited.recordIn(trail, status);
    } catch (RuntimeException e) {
      log.error("Could not record a refused or failed request in the audit trail", e);
    }
  }

  private static UUID uuid(String value) {
    try {
      return value == null ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
