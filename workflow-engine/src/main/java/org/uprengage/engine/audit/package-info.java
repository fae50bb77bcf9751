/**
 * The audit trail: every API request that tries to change something, with who (the authenticated
 * caller), what, when, from where (X-Forwarded-For only from trusted proxies) and how it ended,
 * readable per review and per task. Controllers run their changes through {@link
 * org.uprengage.engine.audit.AuditedChanges}, which writes a change's row in the change's own
 * transaction, and a refused or failed attempt is recorded afterwards; the domain only tells {@link
 * org.uprengage.engine.audit.AuditTrail} which review and task a change concerns.
 */
package org.uprengage.engine.audit;
