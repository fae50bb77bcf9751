package org.uprengage.engine.recommendation;

import java.util.List;

/**
 * What an import did: recommendations added, updated (same paragraph, something changed) and
 * unchanged, every row it did not take with the reason, and how many the register holds now.
 *
 * @param format {@code docx} or {@code csv}
 */
public record ImportResult(
    String format,
    int added,
    int updated,
    int unchanged,
    List<RejectedRow> rejected,
    int recommendations) {}
