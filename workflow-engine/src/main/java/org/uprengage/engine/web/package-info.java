/**
 * How the engine's HTTP API reports failure: every error is RFC 7807 problem+json that says what to
 * fix and, for bad input, which field is at fault. Features throw the exceptions defined here.
 */
package org.uprengage.engine.web;
