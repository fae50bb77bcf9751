/**
 * The register of a review's recommendations: each one as published (paragraph number, text,
 * recommending States, themes, groups of persons, SDGs, position and its source), filled by
 * importing OHCHR's thematic list (.docx) or a CSV, and browsed with filters. Its readers and
 * tables stay inside; others use {@link
 * org.uprengage.engine.recommendation.RecommendationRegister}.
 */
package org.uprengage.engine.recommendation;
