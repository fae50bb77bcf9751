/** Bearer tokens on every API call: the same issuers as the workflow engine. */
package org.uprengage.notification.security;
