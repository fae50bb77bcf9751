/**
 * The UN country team's joint submission: the sections agencies draft for it. The entry point is
 * {@link org.uprengage.engine.submission.SubmissionSections}.
 */
package org.uprengage.engine.submission;
