/**
 * Who is calling and how the services behind web-api learn it. People sign in with HTTP Basic (demo
 * users, quick start) or a bearer token (the identity provider's in production, or one web-api
 * issued); web-api relays a bearer token to the services, minting a short-lived internal one for
 * Basic callers.
 */
package org.uprengage.webapi.security;
