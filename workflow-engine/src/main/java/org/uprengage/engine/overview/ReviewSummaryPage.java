package org.uprengage.engine.overview;

import java.util.List;

/** One bounded page of reviews, the latest started first, and how many match in all. */
public record ReviewSummaryPage(List<ReviewSummary> items, int page, int size, long total) {}
