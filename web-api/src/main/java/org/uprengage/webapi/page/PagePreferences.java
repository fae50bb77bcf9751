package org.uprengage.webapi.page;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.uprengage.webapi.backend.Backend;

/**
 * What the signed-in person chose in their notification preferences that the pages use: the time
 * zone dates are shown in, and the language they read (none: the directory's). Read from
 * notification-service once per session and kept in it, so a page costs no extra call; when the
 * person saves their preferences on the Notifications page, the session {@link #remember remembers}
 * what notification-service answered to the save, from the next page on. Where notification-service
 * does not answer, the page is shown in UTC and the directory's or browser's language, and the next
 * request asks again (once per request).
 */
@Component
public class PagePreferences {

  private static final String KEY = PagePreferences.class.getName();

  // a provider: web-api's controller slices in tests load the pages without the backends
  private final ObjectProvider<Backend> notifications;

  PagePreferences(@Qualifier("notifications") ObjectProvider<Backend> notifications) {
    this.notifications = notifications;
  }

  /** The person's choices, as their session holds them, read if it holds none yet. */
  Chosen of(HttpServletRequest request) {
    HttpSession session = request.getSession();
    if (session.getAttribute(KEY) instanceof Chosen chosen) {
      return chosen;
    }
    if (request.getAttribute(KEY) instanceof Chosen failed) {
      return failed; // notification-service did not answer earlier in this request
    }
    try {
      return remember(
          session,
          notifications.getObject().get("/api/me/notification-preferences", JsonNode.class));
    } catch (ErrorResponseException | DateTimeException unavailable) {
      request.setAttribute(KEY, Chosen.NONE);
      return Chosen.NONE;
    }
  }

  /**
   * Keeps the person's choices in their session, from their preferences as notification-service
   * gives them (as it answers a read or a save).
   *
   * @throws DateTimeException where the time zone is not one this JVM knows
   */
  public static Chosen remember(HttpSession session, JsonNode preferences) {
    Chosen chosen =
        preferences == null
            ? Chosen.NONE
            : new Chosen(
                preferences.path("timeZone").isTextual()
                    ? ZoneId.of(preferences.path("timeZone").asText())
                    : ZoneOffset.UTC,
                preferences.path("language").isTextual()
                    ? preferences.path("language").asText()
                    : null);
    session.setAttribute(KEY, chosen);
    return chosen;
  }

  /** The time zone for dates, and the language chosen (null: none, the directory's). */
  public record Chosen(ZoneId zone, String language) implements Serializable {

    static final Chosen NONE = new Chosen(ZoneOffset.UTC, null);

    Optional<String> chosenLanguage() {
      return Optional.ofNullable(language);
    }
  }
}
