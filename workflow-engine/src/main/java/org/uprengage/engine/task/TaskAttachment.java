package org.uprengage.engine.task;

import java.time.Instant;
import java.util.UUID;

/** A document attached to a task by its link: what it is, where it lives, who added it, when. */
record TaskAttachment(
    UUID id, String name, String url, String description, String addedBy, Instant addedAt) {

  static final int MAX_NAME = 200;
  static final int MAX_URL = 2000;
  static final int MAX_DESCRIPTION = 1000;
  static final int MAX_PER_TASK = 50;
}
