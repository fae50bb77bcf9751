package org.uprengage.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The engine's clock in the integration tests: the real time, unless a test moves it (and moves it
 * back when it is done).
 */
public final class MovableClock extends Clock {

  private volatile Instant now;

  /** Stops the clock at {@code instant}. */
  public void moveTo(Instant instant) {
    now = instant;
  }

  /** The year {@code years} after this clock's today: for dates a test needs still to come. */
  public int yearFromNow(int years) {
    return LocalDate.now(this).getYear() + years;
  }

  /** The real time again. */
  public void reset() {
    now = null;
  }

  @Override
  public Instant instant() {
    Instant moved = now;
    return moved == null ? Instant.now() : moved;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }
}
