package org.uprengage.engine.recommendation;

/**
 * What to browse, bound from the query: each given criterion narrows the list (null: any), each is
 * checked by the register.
 *
 * @param theme the theme heading or any of the full themes, as written
 * @param sdg an SDG goal, 1 to 17
 * @param state a recommending State's ISO 3166-1 alpha-3 code, or its name as published
 * @param status its implementation status, such as in-progress
 * @param leadAgency the code of the agency that leads on it, such as UNICEF
 * @param text words the recommendation's text contains, in any case
 * @param sort {@code paragraph} (default), {@code position} or {@code theme}
 */
public record RecommendationFilter(
    String theme,
    String group,
    String sdg,
    String position,
    String state,
    String status,
    String leadAgency,
    String text,
    String sort) {}
