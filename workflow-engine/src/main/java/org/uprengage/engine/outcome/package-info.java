/**
 * What a review produced after the submission, as the coordinator records it: the number of
 * recommendations, the positions in the addendum, the HRC adoption and the mid-term report. Owns
 * the outcome table; the entry point is {@link org.uprengage.engine.outcome.ReviewOutcomes}.
 */
package org.uprengage.engine.outcome;
