package org.uprengage.engine.security;

/**
 * What the identity provider says of the caller beyond what authorises them: the name to show, the
 * e-mail address, the language and time zone (each null where the token does not say).
 */
public record Profile(
    Caller caller, String displayName, String email, String language, String timeZone) {}
