/**
 * The UN country team's joint submission: the agencies' sections, each round of the consolidated
 * text, the heads of office's and the RC's decisions on it and when it went to OHCHR, with the
 * forms of its tasks, its events and the approvals waiting on people. Its tables, forms and
 * controllers stay inside; the model asks {@link
 * org.uprengage.engine.submission.SubmissionSections} which way to go.
 */
package org.uprengage.engine.submission;
