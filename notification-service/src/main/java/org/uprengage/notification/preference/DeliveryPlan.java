package org.uprengage.notification.preference;

import java.time.Instant;

/**
 * How one notification reaches one person: in the inbox or not; by e-mail not at all ({@code
 * emailAt} null), at {@code emailAt} (now, or when quiet hours end), or in the digest due then.
 */
public record DeliveryPlan(boolean inApp, Instant emailAt, boolean digest) {

  public boolean email() {
    return emailAt != null;
  }

  public boolean nothing() {
    return !inApp && emailAt == null;
  }
}
