package org.uprengage.webapi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.uprengage.webapi.DemoApiTest;

/** Calendar feeds: their private address is their only credential. */
class CalendarFeedApiTest extends DemoApiTest {

  @Test
  void aCalendarFeedIsRelayedWithoutCredentialsAndAnUnknownOneIsNotFound() throws Exception {
    notifications.answer(
        200, "text/calendar;charset=UTF-8", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
    mvc.perform(get("/calendar/abc_DEF-123.ics"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/calendar"))
        .andExpect(content().string(startsWith("BEGIN:VCALENDAR")));
    assertThat(notifications.last().uri()).isEqualTo("/calendar/abc_DEF-123.ics");
    assertThat(notifications.last().authorization()).isNull();

    notifications.answer(
        404, "application/problem+json", "{\"title\":\"Calendar feed not found\",\"status\":404}");
    mvc.perform(get("/calendar/unknown.ics"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
