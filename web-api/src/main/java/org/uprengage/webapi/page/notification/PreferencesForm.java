package org.uprengage.webapi.page.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.util.MultiValueMap;

/**
 * A person's notification preferences as the page's form holds them: read from
 * notification-service, or as typed (kept when the service refuses them). Kinds nobody may turn off
 * or hold are shown but never sent.
 */
record PreferencesForm(
    String timeZone,
    String language,
    String quietStart,
    String quietEnd,
    String digestTime,
    List<Kind> kinds) {

  /**
   * The languages a person may choose (tag, and its name in itself), as the form offers them; none
   * chosen: the directory's.
   */
  static final List<Map.Entry<String, String>> LANGUAGES =
      List.of(
          Map.entry("en", "English"),
          Map.entry("fr", "Fran\u00e7ais"),
          Map.entry("es", "Espa\u00f1ol"));

  /** The time zones offered: the regions' own (Africa/Accra), and UTC. */
  static final List<String> ZONES =
      Stream.concat(
              Stream.of("UTC"),
              ZoneId.getAvailableZoneIds().stream()
                  .filter(zone -> zone.contains("/"))
                  .filter(zone -> !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
                  .sorted())
          .toList();

  static PreferencesForm of(JsonNode preferences) {
    List<Kind> kinds = new ArrayList<>();
    preferences
        .path("kinds")
        .properties()
        .forEach(
            kind ->
                kinds.add(
                    new Kind(
                        kind.getKey(),
                        kind.getValue().path("inApp").asBoolean(true),
                        kind.getValue().path("email").asText("immediate"),
                        kind.getValue().path("mandatory").asBoolean())));
    return new PreferencesForm(
        preferences.path("timeZone").asText("UTC"),
        preferences.path("language").asText(""),
        preferences.path("quietHours").path("start").asText(""),
        preferences.path("quietHours").path("end").asText(""),
        preferences.path("digestTime").asText(""),
        kinds);
  }

  /** The form as sent: each kind's row names itself (kind) and says whether it is mandatory. */
  static PreferencesForm typed(MultiValueMap<String, String> params) {
    List<Kind> kinds = new ArrayList<>();
    for (String kind : params.getOrDefault("kind", List.of())) {
      kinds.add(
          new Kind(
              kind,
              params.containsKey("inApp." + kind),
              value(params, "email." + kind),
              params.containsKey("mandatory." + kind)));
    }
    return new PreferencesForm(
        value(params, "timeZone"),
        value(params, "language"),
        value(params, "quietStart"),
        value(params, "quietEnd"),
        value(params, "digestTime"),
        kinds);
  }

  /**
   * The preferences for notification-service: no quiet hours where both times are left empty, no
   * language where the directory's is wanted.
   */
  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("timeZone", timeZone.strip());
    if (!language.isBlank()) {
      body.put("language", language.strip());
    }
    if (!quietStart.isBlank() || !quietEnd.isBlank()) {
      Map<String, Object> quiet = new LinkedHashMap<>();
      quiet.put("start", quietStart.strip());
      quiet.put("end", quietEnd.strip());
      body.put("quietHours", quiet);
    }
    Map<String, Object> chosen = new LinkedHashMap<>();
    kinds.stream()
        .filter(kind -> !kind.mandatory())
        .forEach(
            kind -> {
              Map<String, Object> chosenKind = new LinkedHashMap<>();
              chosenKind.put("inApp", kind.inApp());
              chosenKind.put("email", kind.email());
              chosen.put(kind.kind(), chosenKind);
            });
    body.put("kinds", chosen);
    return body;
  }

  private static String value(MultiValueMap<String, String> params, String name) {
    String value = params.getFirst(name);
    return value == null ? "" : value;
  }

  /** How one kind of notification reaches the person. */
  record Kind(String kind, boolean inApp, String email, boolean mandatory) {}
}
