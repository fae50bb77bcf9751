package org.uprengage.engine.audit;

import java.util.UUID;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * What the audit row of the API request under way will say: who, what and from where, which the web
 * layer sets as the request arrives, and the review and task it concerns, which the domain adds as
 * it finds them. One per request; outside a request there is none.
 */
@Component
@Scope(WebApplicationContext.SCOPE_REQUEST)
class AuditedRequest {

  private String actor;
  private String action;
  private String remoteAddress;
  private UUID reviewId;
  private String taskId;
  private boolean recorded;

  /** The request arrived: who sent it, what it asks, from where, and what its path names. */
  void arrived(String actor, String action, String remoteAddress, UUID reviewId, String taskId) {
    this.actor = actor;
    this.action = action;
    this.remoteAddress = remoteAddress;
    this.reviewId = reviewId;
    this.taskId = taskId;
  }

  /** The domain found what the request concerns; a null keeps what is known. */
  void concerns(UUID reviewId, String taskId) {
    if (reviewId != null) {
      this.reviewId = reviewId;
    }
    if (taskId != null) {
      this.taskId = taskId;
    }
  }

  /** The next change concerns this task only (one task of a bulk request). */
  void concernsOnly(String taskId) {
    this.reviewId = null;
    this.taskId = taskId;
  }

  /** Writes the row, with how the attempt ended, in the caller's transaction if there is one. */
  void recordIn(AuditTrail trail, int outcome) {
    trail.record(actor, action, outcome, reviewId, taskId, remoteAddress);
  }

  /** A row of this request is in the trail: a change committed with it, or a refusal. */
  void markRecorded() {
    recorded = true;
  }

  boolean recorded() {
    return recorded;
  }

  boolean arrived() {
    return action != null;
  }
}
