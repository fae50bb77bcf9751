/**
 * Reviews: one per State under Review and WG session, each carried by an instance of the {@code
 * upr-review} process, and the events of a review as a whole (started, stage entered, handed over).
 * Owns the review table and the process constants; the entry point is {@link
 * org.uprengage.engine.review.ReviewWorkflow}.
 */
package org.uprengage.engine.review;
