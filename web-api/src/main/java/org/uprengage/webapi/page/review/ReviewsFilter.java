package org.uprengage.webapi.page.review;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the Reviews page, as the list of reviews in the API has them: one of the person's
 * country teams, a state ({@code ACTIVE} or {@code COMPLETED}); the ones left empty are not sent.
 */
record ReviewsFilter(String countryTeam, String state, Integer page) {

  static final int SIZE = 20;

  ReviewsFilter {
    countryTeam = blank(countryTeam) ? null : countryTeam;
    state = blank(state) ? null : state;
    page = page == null || page < 0 ? 0 : page;
  }

  /** The engine's list of reviews for this filter, and the values of its URI variables. */
  Query query() {
    UriComponentsBuilder uri =
        UriComponentsBuilder.fromPath("/api/reviews")
            .queryParam("page", page)
            .queryParam("size", SIZE);
    List<Object> values = new ArrayList<>();
    if (countryTeam != null) {
      uri.queryParam("countryTeam", "{countryTeam}");
      values.add(countryTeam);
    }
    if (state != null) {
      uri.queryParam("state", "{state}");
      values.add(state);
    }
    return new Query(uri.build().toUriString(), values.toArray());
  }

  /** The Reviews page with this filter: only the filters given, encoded. */
  public String href() {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/reviews");
    if (countryTeam != null) {
      uri.queryParam("countryTeam", countryTeam);
    }
    if (state != null) {
      uri.queryParam("state", state);
    }
    return uri.queryParam("page", page).encode().build().toUriString();
  }

  /** The same filter on another page of the list. */
  ReviewsFilter onPage(int other) {
    return new ReviewsFilter(countryTeam, state, other);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** A URI template and its variables' values, in order. */
  record Query(String uri, Object[] variables) {}
}
