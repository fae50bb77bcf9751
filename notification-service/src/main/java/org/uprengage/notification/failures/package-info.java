/**
 * What the service tells apart when its work fails: the infrastructure's failures (the database
 * out, say), which pass once it is back, from the work's own; and how scheduled work reports
 * either. Holds no state and knows no feature.
 */
package org.uprengage.notification.failures;
