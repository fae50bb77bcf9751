/**
 * What a review produced after the submission, as the coordinator records it through the forms of
 * its tasks: the number of recommendations, the positions in the addendum, the HRC adoption and the
 * mid-term report. The outcome table and the forms stay inside; others read the outcome through
 * {@link org.uprengage.engine.outcome.ReviewOutcomes}.
 */
package org.uprengage.engine.outcome;
