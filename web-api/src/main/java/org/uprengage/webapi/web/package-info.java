/**
 * How web-api reports failure: RFC 7807 problem+json naming the field at fault; and the OpenAPI
 * document.
 */
package org.uprengage.webapi.web;
