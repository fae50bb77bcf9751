/** Reference data people plan with: the UPR session calendar and the agencies. */
package org.uprengage.webapi.calendar;
