package org.uprengage.engine.recommendation;

/**
 * One row of an imported list that was not taken, and why.
 *
 * @param row the CSV line the record starts on (the header is line 1), or the row of the Word table
 *     (its header row is row 1)
 * @param paragraph the paragraph number the row gave, where it gave one
 */
public record RejectedRow(int row, String paragraph, String reason) {}
