package org.uprengage.engine.recommendation;

import java.util.List;

/** One bounded page of recommendations and how many match in all. */
public record RecommendationPage(List<Recommendation> items, int page, int size, long total) {}
