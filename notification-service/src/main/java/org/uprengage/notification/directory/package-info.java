/**
 * The people notification-service can tell, with their agency, roles, country teams, e-mail and
 * language. The entry point is {@link org.uprengage.notification.directory.People}.
 */
package org.uprengage.notification.directory;
