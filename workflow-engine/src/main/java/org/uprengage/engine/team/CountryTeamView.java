package org.uprengage.engine.team;

import java.time.Instant;
import java.util.List;

/**
 * A country team as the API shows it; {@code version} is its ETag, {@code closedAt} is set once it
 * is closed.
 */
public record CountryTeamView(
    String code,
    String name,
    List<String> agencies,
    String timeZone,
    String language,
    int version,
    String createdBy,
    Instant createdAt,
    String closedBy,
    Instant closedAt) {

  public boolean closed() {
    return closedAt != null;
  }
}
