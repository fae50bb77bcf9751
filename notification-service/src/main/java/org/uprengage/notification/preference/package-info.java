/**
 * Each person's notification preferences (channels per kind, immediate or daily digest, quiet hours
 * in their time zone) and the delivery plan they give each notification. The entry point is {@link
 * org.uprengage.notification.preference.Preferences}.
 */
package org.uprengage.notification.preference;
