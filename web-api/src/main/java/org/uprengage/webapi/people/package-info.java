/**
 * The directory of people, relayed to workflow-engine: listed by admins and coordinators, loaded
 * from a CSV by admins. The identity provider's claims keep it without any call of these.
 */
package org.uprengage.webapi.people;
