package org.uprengage.notification.preference;

import java.time.Instant;
import java.time.ZoneId;

/**
 * How one notification reaches one person: in the inbox or not; by e-mail not at all ({@code
 * emailAt} null), at {@code emailAt} (now, or when quiet hours end), or in the digest due then; its
 * times told in the person's {@code zone} (the one they chose, else the directory's, else the
 * default).
 */
public record DeliveryPlan(boolean inApp, Instant emailAt, boolean digest, ZoneId zone) {

  public boolean email() {
    return emailAt != null;
  }

  public boolean nothing() {
    return !inApp && emailAt == null;
  }
}
