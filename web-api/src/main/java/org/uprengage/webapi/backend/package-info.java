/**
 * Calls to the services behind web-api, on behalf of the caller (their bearer token), with the
 * services' problem+json errors passed through unchanged. web-api keeps no copy of their state.
 */
package org.uprengage.webapi.backend;
