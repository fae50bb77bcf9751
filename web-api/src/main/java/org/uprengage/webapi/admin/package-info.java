/**
 * The installation's operation for platform admins, relayed to the service that holds it: the
 * process engine's incidents (workflow-engine) and the events parked on the dead-letter topics
 * (notification-service). What a team's admins do is elsewhere.
 */
package org.uprengage.webapi.admin;
