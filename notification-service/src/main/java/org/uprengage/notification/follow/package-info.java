/**
 * Following: a person or an agency follows a review or a whole country team and hears of its review
 * and task events. The entry point is {@link org.uprengage.notification.follow.Follows}.
 */
package org.uprengage.notification.follow;
