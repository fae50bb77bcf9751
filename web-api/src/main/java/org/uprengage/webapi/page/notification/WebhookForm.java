package org.uprengage.webapi.page.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A webhook subscription as typed on the page: kept as typed when it is refused. */
record WebhookForm(String url, String agency, List<String> eventKinds) {

  /** The subscription for notification-service: the agency left out where none was typed. */
  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("url", url.strip());
    if (agency != null && !agency.isBlank()) {
      body.put("agency", agency.strip());
    }
    body.put("eventKinds", eventKinds);
    return body;
  }

  public boolean picked(String kind) {
    return eventKinds.contains(kind);
  }
}
