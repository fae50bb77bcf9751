/**
 * The UPR Working Group session calendar: session dates and the official deadlines OHCHR published.
 * The entry point is {@link org.uprengage.engine.session.SessionCalendar}.
 */
package org.uprengage.engine.session;
