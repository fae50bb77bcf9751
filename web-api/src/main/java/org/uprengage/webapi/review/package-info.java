/** The public review resource: start a State's review in a WG session and read it back. */
package org.uprengage.webapi.review;
