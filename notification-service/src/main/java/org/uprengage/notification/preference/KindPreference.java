package org.uprengage.notification.preference;

/**
 * How one kind of notification reaches a person: in the in-app inbox or not, and by e-mail {@code
 * off}, {@code immediate} or in the daily {@code digest}. {@code mandatory} kinds (approvals
 * waiting, overdue escalations) are always delivered at once.
 */
public record KindPreference(Boolean inApp, String email, boolean mandatory) {

  public static final String OFF = "off";
  public static final String IMMEDIATE = "immediate";
  public static final String DIGEST = "digest";
}
