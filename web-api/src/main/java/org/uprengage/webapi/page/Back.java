package org.uprengage.webapi.page;

/** Where a page's form returns to: one of this site's own pages, never another site. */
public final class Back {

  private Back() {}

  /** {@code back} where it is a page of this site, else My work. */
  public static String to(String back) {
    return to(back, "/");
  }

  /** {@code back} where it is a page of this site, else {@code otherwise}. */
  public static String to(String back, String otherwise) {
    if (back == null
        || !back.startsWith("/")
        || back.startsWith("//")
        || back.startsWith("/\\")
        || back.contains("\r")
        || back.contains("\n")) {
      return otherwise;
    }
    return back;
  }
}
