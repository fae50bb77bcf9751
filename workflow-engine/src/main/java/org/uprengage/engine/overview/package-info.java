/**
 * What a review looks like as a whole: its stage, open tasks, every deadline and whether it was
 * met, and the timeline of what happened. Read-only; it owns no data. The entry point is {@link
 * org.uprengage.engine.overview.ReviewOverview}.
 */
package org.uprengage.engine.overview;
