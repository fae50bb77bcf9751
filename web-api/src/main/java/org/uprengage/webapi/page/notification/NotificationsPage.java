package org.uprengage.webapi.page.notification;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.page.Back;
import org.uprengage.webapi.page.FieldErrors;
import org.uprengage.webapi.page.PagePreferences;
import org.uprengage.webapi.page.Person;

/**
 * Notifications: the inbox (live: the page listens to the person's stream and reloads the list as
 * one arrives), marked read one by one or all at once; the person's preferences; what they follow;
 * their calendar feeds; and the webhooks of those who may manage them. All through
 * notification-service's API, as the person; a refusal is shown in words, each field's beside it,
 * with what was typed.
 */
@Controller
class NotificationsPage {

  /** Notifications per page of the inbox. */
  static final int SIZE = 20;

  /** The event kinds a webhook may subscribe to, as notification-service names them. */
  static final List<String> EVENT_KINDS =
      List.of(
          "task.created",
          "task.claimed",
          "task.assigned",
          "task.unclaimed",
          "task.completed",
          "task.cancelled",
          "deadline.changed",
          "deadline.approaching",
          "deadline.missed",
          "review.started",
          "review.submission-approved",
          "review.submission-sent-back",
          "review.submission-submitted");

  /** Who may subscribe webhooks (notification-service checks the scope). */
  private static final Set<String> WEBHOOK_ROLES =
      Set.of("coordinator", "head-of-office", "focal-point", "admin");

  private final Backend notifications;

  NotificationsPage(@Qualifier("notifications") Backend notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/notifications")
  String notifications(
      @RequestParam(defaultValue = "0") int page,
      @ModelAttribute("me") Person me,
      Model model,
      HttpServletRequest request) {
    int shown = Math.max(0, page);
    JsonNode inbox =
        notifications.get(
            "/api/notifications?page={page}&size={size}", JsonNode.class, shown, SIZE);
    List<Item> items = new ArrayList<>();
    inbox.path("items").forEach(item -> items.add(Item.of(item, me.zone())));
    long total = inbox.path("total").asLong();
    model.addAttribute("items", items);
    model.addAttribute("unread", inbox.path("unread").asLong());
    model.addAttribute("page", shown);
    model.addAttribute("previous", shown > 0 ? shown - 1 : null);
    model.addAttribute("next", (long) (shown + 1) * SIZE < total ? shown + 1 : null);
    model.addAttribute(
        "here",
        request.getQueryString() == null
            ? "/notifications"
            : "/notifications?" + request.getQueryString());
    if (!model.containsAttribute("preferences")) {
      model.addAttribute(
          "preferences",
          PreferencesForm.of(
              notifications.get("/api/me/notification-preferences", JsonNode.class)));
    }
    model.addAttribute("zones", PreferencesForm.ZONES);
    model.addAttribute("languages", PreferencesForm.LANGUAGES);
    model.addAttribute("follows", notifications.get("/api/follows", JsonNode.class));
    model.addAttribute("feeds", notifications.get("/api/calendar-feeds", JsonNode.class));
    boolean webhooks = me.roles().stream().anyMatch(WEBHOOK_ROLES::contains);
    model.addAttribute("webhooksAllowed", webhooks);
    if (webhooks) {
      model.addAttribute("webhooks", notifications.get("/api/webhooks", JsonNode.class));
      model.addAttribute("eventKinds", EVENT_KINDS);
      if (!model.containsAttribute("webhook")) {
        model.addAttribute(
            "webhook", new WebhookForm("", me.coordinator() ? "" : me.agency(), List.of()));
      }
    }
    return "pages/notifications";
  }

  @PostMapping("/notifications/{id}/read")
  String markRead(
      @PathVariable UUID id,
      @RequestParam(required = false) String back,
      RedirectAttributes flash) {
    return command(
        () -> notifications.post("/api/notifications/{id}/read", null, JsonNode.class, id),
        "page.done.read",
        back,
        flash);
  }

  @PostMapping("/notifications/read-all")
  String markAllRead(@RequestParam(required = false) String back, RedirectAttributes flash) {
    return command(
        () -> notifications.post("/api/notifications/read-all", null, JsonNode.class),
        "page.done.readAll",
        back,
        flash);
  }

  /** Saves the preferences; a refusal keeps what was chosen and names each field at fault. */
  @PostMapping("/notifications/preferences")
  String savePreferences(
      @RequestParam MultiValueMap<String, String> params,
      HttpSession session,
      RedirectAttributes flash) {
    PreferencesForm typed = PreferencesForm.typed(params);
    try {
      PagePreferences.remember(
          session,
          notifications.put("/api/me/notification-preferences", typed.body(), JsonNode.class));
      flash.addFlashAttribute("done", "page.done.preferences");
    } catch (ErrorResponseException refused) {
      flash.addFlashAttribute("preferences", typed);
      FieldErrors.flash(refused, flash);
    }
    return "redirect:/notifications#preferences-title";
  }

  /** Follows the person's country team, or (with reviewId) one review; for their agency too. */
  @PostMapping("/notifications/follows")
  String follow(
      @RequestParam(required = false) UUID reviewId,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String back,
      RedirectAttributes flash) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (reviewId != null) {
      body.put("reviewId", reviewId);
    }
    if (agency != null && !agency.isBlank()) {
      body.put("agency", agency.strip());
    }
    return command(
        () -> notifications.post("/api/follows", body, JsonNode.class),
        "page.done.follow",
        back == null ? "/notifications#follows-title" : back,
        flash);
  }

  @PostMapping("/notifications/follows/{id}/delete")
  String unfollow(@PathVariable UUID id, RedirectAttributes flash) {
    return command(
        () -> notifications.delete("/api/follows/{id}", id),
        "page.done.unfollow",
        "/notifications#follows-title",
        flash);
  }

  /** Makes (or remakes) a calendar feed; its address is shown this once. */
  @PostMapping("/notifications/feeds")
  String makeFeed(@RequestParam String scope, RedirectAttributes flash) {
    try {
      JsonNode feed =
          notifications.post(
              "/api/calendar-feeds",
              Map.of("scope", "agency".equals(scope) ? "agency" : "person"),
              JsonNode.class);
      flash.addFlashAttribute("feedUrl", feed.path("url").asText());
      flash.addFlashAttribute("done", "page.done.feed");
    } catch (ErrorResponseException refused) {
      FieldErrors.flash(refused, flash);
    }
    return "redirect:/notifications#feeds-title";
  }

  /** Subscribes a webhook; its signing secret is shown this once. */
  @PostMapping("/notifications/webhooks")
  String subscribe(
      @RequestParam(defaultValue = "") String url,
      @RequestParam(defaultValue = "") String agency,
      @RequestParam(required = false) List<String> eventKinds,
      RedirectAttributes flash) {
    WebhookForm typed =
        new WebhookForm(url, agency, eventKinds == null ? List.of() : List.copyOf(eventKinds));
    try {
      JsonNode created = notifications.post("/api/webhooks", typed.body(), JsonNode.class);
      flash.addFlashAttribute("webhookSecret", created.path("secret").asText());
      flash.addFlashAttribute("done", "page.done.webhook");
    } catch (ErrorResponseException refused) {
      flash.addFlashAttribute("webhook", typed);
      FieldErrors.flash(refused, flash);
    }
    return "redirect:/notifications#webhooks-title";
  }

  @PostMapping("/notifications/webhooks/{id}/{action:delete|enable}")
  String changeWebhook(
      @PathVariable UUID id, @PathVariable String action, RedirectAttributes flash) {
    return command(
        () -> {
          if ("delete".equals(action)) {
            notifications.delete("/api/webhooks/{id}", id);
          } else {
            notifications.post("/api/webhooks/{id}/enable", null, JsonNode.class, id);
          }
        },
        "page.done.webhook." + action,
        "/notifications#webhooks-title",
        flash);
  }

  private static String command(Runnable call, String done, String back, RedirectAttributes flash) {
    try {
      call.run();
      flash.addFlashAttribute("done", done);
    } catch (ErrorResponseException refused) {
      FieldErrors.flash(refused, flash);
    }
    return "redirect:" + Back.to(back, "/notifications");
  }

  /** One notification, its times in the person's time zone, and the page it points to. */
  record Item(
      String id,
      String kind,
      String title,
      String body,
      String link,
      ZonedDateTime occurredAt,
      boolean unread) {

    static Item of(JsonNode item, ZoneId zone) {
      String taskId = item.path("taskId").asText(null);
      String reviewId = item.path("reviewId").asText(null);
      String link =
          taskId != null ? "/tasks/" + taskId : reviewId != null ? "/reviews/" + reviewId : null;
      JsonNode at =
          item.path("occurredAt").isTextual() ? item.path("occurredAt") : item.path("createdAt");
      return new Item(
          item.path("id").asText(),
          item.path("kind").asText(),
          item.path("title").asText(),
          item.path("body").asText(null),
          link,
          at.isTextual() ? Instant.parse(at.asText()).atZone(zone) : null,
          !item.path("readAt").isTextual());
    }
  }
}
