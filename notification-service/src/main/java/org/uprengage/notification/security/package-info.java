/**
 * Bearer tokens on every API call (the same issuers as the workflow engine), and the {@link
 * org.uprengage.notification.security.Caller} each controller reads from them.
 */
package org.uprengage.notification.security;
