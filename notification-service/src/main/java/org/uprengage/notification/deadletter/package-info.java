/**
 * What is parked on the dead-letter topics ({@code <topic>.dlt}): read back from them into a table,
 * listed to platform admins with the reason, and replayed onto the topic it came from once the
 * cause is fixed. Parking itself is the event listeners' error handler's ({@code events}).
 */
package org.uprengage.notification.deadletter;
