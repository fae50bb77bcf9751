package org.uprengage.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: real time, moved by an offset a test sets, so quiet hours and
 * digest times are reached without waiting. It keeps ticking after a move.
 */
public final class MutableClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  /** Moves the clock so that it reads {@code instant} now. */
  public void setTo(Instant instant) {
    offset = Duration.between(Instant.now(), instant);
  }

  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the service works in UTC instants");
  }
}
