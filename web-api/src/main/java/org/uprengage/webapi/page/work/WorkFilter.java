package org.uprengage.webapi.page.work;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters and sorting of My work, as the task list of the API has them; absent ones take the
 * API's defaults.
 */
record WorkFilter(
    String show,
    String stage,
    Boolean overdue,
    String dueBefore,
    String q,
    String sort,
    String order,
    Integer page) {

  static final int SIZE = 50;

  WorkFilter {
    show = blank(show) ? "both" : show;
    sort = blank(sort) ? "due" : sort;
    order = blank(order) ? "asc" : order;
    page = page == null || page < 0 ? 0 : page;
    overdue = Boolean.TRUE.equals(overdue);
  }

  /** The engine's task list for this filter, and the values of its URI variables. */
  Query query() {
    UriComponentsBuilder uri =
        UriComponentsBuilder.fromPath("/api/tasks")
            .queryParam("show", "{show}")
            .queryParam("overdue", overdue)
            .queryParam("sort", "{sort}")
            .queryParam("order", "{order}")
            .queryParam("page", page)
            .queryParam("size", SIZE);
    List<Object> values = new ArrayList<>(List.of(show, sort, order));
    if (!blank(stage)) {
      uri.queryParam("stage", "{stage}");
      values.add(stage);
    }
    if (!blank(dueBefore)) {
      uri.queryParam("dueBefore", "{dueBefore}");
      values.add(dueBefore);
    }
    if (!blank(q)) {
      uri.queryParam("q", "{q}");
      values.add(q);
    }
    return new Query(uri.build().toUriString(), values.toArray());
  }

  /** The same filter on another page of the list. */
  WorkFilter onPage(int other) {
    return new WorkFilter(show, stage, overdue, dueBefore, q, sort, order, other);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** A URI template and its variables' values, in order. */
  record Query(String uri, Object[] variables) {}
}
