/**
 * What every controller of this service shares: the RFC 7807 problems it answers with. Holds no
 * state and knows no feature.
 */
package org.uprengage.notification.web;
