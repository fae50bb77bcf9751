/**
 * The audit trail: every request that tries to change something, with who, what, when, from where
 * and how it ended, readable per review and per task. The entry point is {@link
 * org.uprengage.engine.audit.AuditTrail}.
 */
package org.uprengage.engine.audit;
