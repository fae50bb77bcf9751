/**
 * Camunda incidents (jobs that failed their last retry) as an operator sees them: the gauge {@code
 * upr.incidents.open}.
 */
package org.uprengage.engine.incident;
