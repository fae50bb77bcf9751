package org.uprengage.webapi.page.work;

/** Where a page's form returns to: one of this site's own pages, never another site. */
final class Back {

  private Back() {}

  static String to(String back) {
    if (back == null
        || !back.startsWith("/")
        || back.startsWith("//")
        || back.startsWith("/\\")
        || back.contains("\r")
        || back.contains("\n")) {
      return "/";
    }
    return back;
  }
}
