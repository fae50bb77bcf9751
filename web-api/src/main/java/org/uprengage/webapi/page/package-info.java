/**
 * The web pages people work in: server-rendered (Thymeleaf), htmx for partial updates, signed in
 * with a session (a login form for the demo users, OpenID Connect in production) and CSRF on every
 * form. Pages call the services through the same {@code backend} clients as the API, as the
 * signed-in person; a problem from a service is shown in words, with field errors beside the field.
 */
package org.uprengage.webapi.page;
