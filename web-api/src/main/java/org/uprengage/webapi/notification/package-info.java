/** The caller's in-app notifications, relayed from notification-service. */
package org.uprengage.webapi.notification;
