/**
 * Who is calling: validates the bearer token (internal tokens minted by web-api in the quick start,
 * the organisation's identity provider in production) and turns its claims into a {@link
 * org.uprengage.engine.security.Caller}. Object-level checks live with the objects they guard.
 */
package org.uprengage.engine.security;
