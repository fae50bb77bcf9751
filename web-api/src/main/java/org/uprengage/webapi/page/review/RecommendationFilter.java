package org.uprengage.webapi.page.review;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters and sort of a review's recommendations on its page, as the recommendations API has
 * them; the ones left empty are not sent.
 */
record RecommendationFilter(
    String theme,
    String group,
    String sdg,
    String position,
    String state,
    String leadAgency,
    String status,
    String text,
    String sort,
    Integer page) {

  static final int SIZE = 50;

  RecommendationFilter {
    page = page == null || page < 0 ? 0 : page;
  }

  /** The engine's list of the review's recommendations for this filter, with its variables. */
  Query query(Object reviewId) {
    UriComponentsBuilder uri =
        UriComponentsBuilder.fromPath("/api/reviews/{id}/recommendations")
            .queryParam("page", page)
            .queryParam("size", SIZE);
    List<Object> values = new ArrayList<>(List.of(reviewId));
    String[][] given = {
      {"theme", theme},
      {"group", group},
      {"sdg", sdg},
      {"position", position},
      {"state", state},
      {"leadAgency", leadAgency},
      {"status", status},
      {"text", text},
      {"sort", sort}
    };
    for (String[] filter : given) {
      if (filter[1] != null && !filter[1].isBlank()) {
        uri.queryParam(filter[0], "{" + filter[0] + "}");
        values.add(filter[1].strip());
      }
    }
    return new Query(uri.build().toUriString(), values.toArray());
  }

  /** Whether any filter narrows the list. */
  public boolean narrowed() {
    return List.of(
            orEmpty(theme),
            orEmpty(group),
            orEmpty(sdg),
            orEmpty(position),
            orEmpty(state),
            orEmpty(leadAgency),
            orEmpty(status),
            orEmpty(text))
        .stream()
        .anyMatch(value -> !value.isBlank());
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /** A URI template and its variables' values, in order. */
  record Query(String uri, Object[] variables) {}
}
