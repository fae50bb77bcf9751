/**
 * How the engine's domain says no: a small sealed family of exceptions (not found, forbidden,
 * conflict with the current state, invalid input with the fields at fault) that carry no HTTP. The
 * web layer alone turns them into problem+json.
 */
package org.uprengage.engine.problem;
