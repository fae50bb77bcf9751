package org.uprengage.notification.preference;

/**
 * A daily span ({@code HH:mm}, local time) when e-mails wait; it may run over midnight ({@code
 * 21:00} to {@code 07:00}).
 */
public record QuietHours(String start, String end) {}
