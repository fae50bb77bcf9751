/**
 * How the engine's HTTP API reports failure and versions: every error is RFC 7807 problem+json that
 * says what to fix and, for bad input, which field is at fault, rendered here alone from the
 * domain's problems ({@link org.uprengage.engine.problem}) and the framework's bad input. Also the
 * ETag and If-Match handling the controllers share, and the strict reading of input.
 */
package org.uprengage.engine.web;
