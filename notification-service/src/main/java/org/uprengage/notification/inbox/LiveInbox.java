package org.uprengage.notification.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates: each person's open event streams (server-sent events), to which every new in-app
 * notification of theirs is pushed once its transaction committed. Streams live on the node that
 * opened them and hear of the notifications that node makes.
 */
@Component
class LiveInbox {

  static final String EVENT = "notification";

  private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
  private final Duration timeout;

  LiveInbox(@Value("${upr.notifications.stream-timeout:30m}") Duration timeout) {
    this.timeout = timeout;
  }

  /** Opens a stream for the person; it ends after the timeout (clients reconnect). */
  SseEmitter open(String username) {
    SseEmitter stream = new SseEmitter(timeout.toMillis());
    Set<SseEmitter> mine = streams.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet());
    mine.add(stream);
    Runnable close = () -> mine.remove(stream);
    stream.onCompletion(close);
    stream.onTimeout(close);
    stream.onError(e -> close.run());
    try {
      stream.send(SseEmitter.event().comment("connected"));
    } catch (IOException e) {
      mine.remove(stream);
      stream.completeWithError(e);
    }
    return stream;
  }

  /** Sends the notification to each of the person's open streams. */
  void push(String username, Notification notification) {
    for (SseEmitter stream : streams.getOrDefault(username, Set.of())) {
      try {
        stream.send(
            SseEmitter.event()
                .id(notification.id().toString())
                .name(EVENT)
                .data(notification, MediaType.APPLICATION_JSON));
      } catch (IOException | IllegalStateException gone) {
        streams.getOrDefault(username, Set.of()).remove(stream);
      }
    }
  }

  /** A comment now and then keeps proxies from closing idle streams. */
  @Scheduled(fixedDelayString = "${upr.notifications.stream-keep-alive:25s}")
  void keepAlive() {
    streams.forEach(
        (username, mine) ->
            mine.forEach(
                stream -> {
                  try {
                    stream.send(SseEmitter.event().comment("keep-alive"));
                  } catch (IOException | IllegalStateException gone) {
                    mine.remove(stream);
                  }
                }));
  }
}
