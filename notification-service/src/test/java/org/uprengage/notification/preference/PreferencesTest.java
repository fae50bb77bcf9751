package org.uprengage.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.notification.NotificationIntegrationTest;
import org.uprengage.notification.directory.People;
import org.uprengage.notification.directory.Person;

class PreferencesTest extends NotificationIntegrationTest {

  @Autowired People people;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void preferencesAreReadAndReplacedAndEveryBadFieldIsNamed() throws Exception {
    Person person = newPerson("en", "focal-point");
    RequestPostProcessor caller = as(person.username(), person.agency(), "focal-point");
    mvc.perform(get("/api/me/notification-preferences").with(caller))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.timeZone").value("UTC"))
        .andExpect(jsonPath("$.digestTime").value("08:00"))
        .andExpect(jsonPath("$.kinds['task-available'].email").value("immediate"))
        .andExpect(jsonPath("$.kinds['deadline-missed'].mandatory").value(true))
        .andExpect(jsonPath("$.kinds['approval-waiting'].mandatory").value(true));

    mvc.perform(
            put("/api/me/notification-preferences")
                .with(caller)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"timeZone":"Mars/Olympus_Mons","quietHours":{"start":"25:00","end":"07:00"},
                     "kinds":{"deadline-missed":{"inApp":false,"email":"immediate"},"task-available":{"inApp":true,"email":"weekly"},"gossip":{"inApp":true}}}
                    """))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(
                    containsInAnyOrder(
                        "timeZone",
                        "quietHours.start",
                        "kinds.deadline-missed.inApp",
                        "kinds.task-available.email",
                        "kinds.gossip")));

    mvc.perform(
            put("/api/me/notification-preferences")
                .with(caller)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"timeZone":"Europe/Paris","quietHours":{"start":"21:00","end":"07:00"},
                     "kinds":{"task-available":{"inApp":false,"email":"digest"}}}
                    """))
        .andExpect(status().isOk());
    mvc.perform(get("/api/me/notification-preferences").with(caller))
        .andExpect(jsonPath("$.timeZone").value("Europe/Paris"))
        .andExpect(jsonPath("$.quietHours.start").value("21:00"))
        .andExpect(jsonPath("$.quietHours.end").value("07:00"))
        .andExpect(jsonPath("$.kinds['task-available'].inApp").value(false))
        .andExpect(jsonPath("$.kinds['task-available'].email").value("digest"))
        .andExpect(jsonPath("$.kinds['task-assigned'].email").value("immediate"));
  }

  @Test
  void aChosenLanguageAndZoneWinOverTheDirectorysAndLeavingThemOutFollowsItAgain()
      throws Exception {
    Person person = newPerson("en", "head-of-office");
    jdbc.update(
        "UPDATE ns_person SET time_zone = 'Africa/Nairobi' WHERE username = ?", person.username());
    RequestPostProcessor caller = as(person.username(), person.agency(), "head-of-office");
    mvc.perform(get("/api/me/notification-preferences").with(caller))
        .andExpect(jsonPath("$.timeZone").value("Africa/Nairobi"))
        .andExpect(jsonPath("$.language").doesNotExist());
    mvc.perform(
            put("/api/me/notification-preferences")
                .with(caller)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"eo\",\"timeZone\":\"Europe/Atlantis\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("language", "timeZone")));

    preferences(person, "{\"language\":\"es\",\"timeZone\":\"America/Bogota\"}");
    mvc.perform(get("/api/me/notification-preferences").with(caller))
        .andExpect(jsonPath("$.timeZone").value("America/Bogota"))
        .andExpect(jsonPath("$.language").value("es"));
    String approval = UUID.randomUUID().toString();
    approvalWaiting(person, UUID.randomUUID(), 2, approval);
    await().atMost(Duration.ofSeconds(20)).until(() -> !mailsAbout(approval).isEmpty());
    assertThat(mailsAbout(approval).get(0).getSubject())
        .startsWith("[UPR Engage] Pendiente de su aprobaci\u00f3n: ");
    mvc.perform(get("/api/notifications").with(caller))
        .andExpect(
            jsonPath("$.items[0].title")
                .value(org.hamcrest.Matchers.startsWith("Pendiente de su aprobaci\u00f3n: ")));

    preferences(person, "{}");
    mvc.perform(get("/api/me/notification-preferences").with(caller))
        .andExpect(jsonPath("$.timeZone").value("Africa/Nairobi"))
        .andExpect(jsonPath("$.language").doesNotExist());
  }

  @Test
  void anEMailInQuietHoursWaitsForTheirEndButAnApprovalDoesNot() throws Exception {
    Person person = newPerson("en", "head-of-office");
    preferences(
        person,
        """
        {"timeZone":"Europe/Paris","quietHours":{"start":"21:00","end":"07:00"}}
        """);
    ZoneId paris = ZoneId.of("Europe/Paris");
    LocalDate day = LocalDate.now(paris).plusDays(3);
    clock.setTo(day.atTime(22, 30).atZone(paris).toInstant());

    UUID reviewId = UUID.randomUUID();
    String offered = UUID.randomUUID().toString();
    String approval = UUID.randomUUID().toString();
    kafka
        .send(
            taskEvent(
                reviewId,
                "org.uprengage.task.created.v1",
                2,
                offered,
                "\"taskKey\":\"UserTask_DraftAgencySection\",\"candidateGroups\":[\"%s\"]"
                    .formatted(person.agency())))
        .get();
    approvalWaiting(person, reviewId, 3, approval);

    await().atMost(Duration.ofSeconds(20)).until(() -> !mailsAbout(approval).isEmpty());
    assertThat(mailsAbout(approval).get(0).getSubject())
        .isEqualTo("[UPR Engage] Waiting for your approval: Clear the joint submission");
    Instant quietEnd = day.plusDays(1).atTime(7, 0).atZone(paris).toInstant();
    assertThat(emailOf(offered).status()).isEqualTo("pending");
    assertThat(emailOf(offered).due()).isEqualTo(quietEnd);
    assertThat(mailsAbout(offered)).isEmpty();
    assertThat(recipientsOf(offered)).containsExactly(person.username()); // in-app at once

    clock.setTo(quietEnd.plusSeconds(5));
    await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(offered).size() == 1);
    assertThat(mailsAbout(approval)).hasSize(1);
  }

  @Test
  void theDailyDigestGathersHeldItemsInThePersonsLanguageAndLeavesOutWorkDone() throws Exception {
    Person person = newPerson("fr", "focal-point");
    preferences(
        person,
        """
        {"timeZone":"UTC","kinds":{"task-available":{"inApp":false,"email":"digest"},
          "deadline-approaching":{"inApp":true,"email":"digest"}}}
        """);
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(5);
    clock.setTo(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
    UUID reviewId = UUID.randomUUID();
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    String done = UUID.randomUUID().toString();
    String group = "\"candidateGroups\":[\"%s\"]".formatted(person.agency());
    kafka.send(taskEvent(reviewId, "org.uprengage.task.created.v1", 2, first, group)).get();
    kafka.send(taskEvent(reviewId, "org.uprengage.task.created.v1", 3, second, group)).get();
    kafka.send(taskEvent(reviewId, "org.uprengage.task.created.v1", 4, done, group)).get();
    await().atMost(Duration.ofSeconds(20)).until(() -> heldFor(person) == 3);
    ProducerRecord<String, String> reminder =
        deadlineEvent(
            reviewId,
            "org.uprengage.deadline.approaching.v1",
            """
            {"reviewId":"%s","sequence":5,"milestone":"agencyDraftsDue","dueAt":"2027-06-02T23:59:00Z","daysLeft":7,"countryTeam":"GHA",
             "taskIds":["%s"],"candidateGroups":["%s"],"assignees":[]}
            """
                .formatted(reviewId, done, person.agency()));
    kafka.send(reminder).get();
    await().atMost(Duration.ofSeconds(20)).until(() -> heldFor(person) == 4);
    kafka
        .send(
            taskEvent(
                reviewId,
                "org.uprengage.task.completed.v1",
                6,
                done,
                group + ",\"assignee\":\"%s\"".formatted(person.username())))
        .get();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.queryForObject(
                        "SELECT count(*) FROM ns_task WHERE task_id = ? AND state = 'completed'",
                        Integer.class,
                        done)
                    == 1);
    mvc.perform(
            get("/api/notifications").with(as(person.username(), person.agency(), "focal-point")))
        .andExpect(jsonPath("$.total").value(1)); // only the reminder is in-app
    assertThat(mailsTo(person)).isEmpty();

    clock.setTo(day.plusDays(1).atTime(LocalTime.of(8, 0, 5)).toInstant(ZoneOffset.UTC));
    await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(person).size() == 1);
    MimeMessage digest = mailsTo(person).get(0);
    assertThat(digest.getSubject())
        .isEqualTo("[UPR Engage] Votre résumé quotidien : 3 notifications");
    String body = GreenMailUtil.getBody(digest);
    assertThat(body).contains(first.substring(0, 8), second.substring(0, 8));
    assertThat(
            jdbc.queryForList(
                "SELECT e.status FROM ns_email e JOIN ns_notification n ON n.id = e.notification_id WHERE n.recipient = ? ORDER BY e.status",
                String.class,
                person.username()))
        .containsExactly("digested", "digested", "digested", "dropped");
  }

  @Test
  void anEMailTellsADueTimeInThePersonsZoneNamingItTheChosenOneElseTheDirectorys()
      throws Exception {
    Person chose = newPerson("en", "focal-point");
    preferences(chose, "{\"timeZone\":\"America/New_York\"}");
    Person directory = newPerson("fr", "focal-point");
    jdbc.update(
        "UPDATE ns_person SET time_zone = 'Asia/Tokyo' WHERE username = ?", directory.username());
    Instant due = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
    UUID reviewId = UUID.randomUUID();
    kafka
        .send(
            deadlineEvent(
                reviewId,
                "org.uprengage.deadline.approaching.v1",
                """
                {"reviewId":"%s","sequence":2,"milestone":"agencyDraftsDue","dueAt":"%s","daysLeft":10,"countryTeam":"GHA",
                 "taskIds":["%s"],"candidateGroups":[],"assignees":["%s","%s"]}
                """
                    .formatted(
                        reviewId, due, UUID.randomUUID(), chose.username(), directory.username())))
        .get();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> mailsTo(chose).size() == 1 && mailsTo(directory).size() == 1);
    assertThat(text(mailsTo(chose).get(0)))
        .contains(
            "is " + moment(due, Locale.ENGLISH, "America/New_York", "at") + ".",
            "(America/New_York)");
    assertThat(text(mailsTo(directory).get(0)))
        .contains("est fix\u00e9e au " + moment(due, Locale.FRENCH, "Asia/Tokyo", "\u00e0"));
  }

  @Test
  void theDigestIsInTheLanguageThePersonHasWhenItIsSentNotWhenItsItemsWereHeld() throws Exception {
    Person person = newPerson("en", "focal-point");
    String digest = "\"kinds\":{\"task-available\":{\"inApp\":false,\"email\":\"digest\"}}";
    preferences(person, "{\"timeZone\":\"UTC\"," + digest + "}");
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(4);
    clock.setTo(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
    String taskId = UUID.randomUUID().toString();
    kafka
        .send(
            taskEvent(
                UUID.randomUUID(),
                "org.uprengage.task.created.v1",
                2,
                taskId,
                "\"taskKey\":\"UserTask_DraftAgencySection\",\"candidateGroups\":[\"%s\"]"
                    .formatted(person.agency())))
        .get();
    await().atMost(Duration.ofSeconds(20)).until(() -> heldFor(person) == 1);

    preferences(person, "{\"timeZone\":\"UTC\",\"language\":\"fr\"," + digest + "}");
    clock.setTo(day.plusDays(1).atTime(LocalTime.of(8, 0, 5)).toInstant(ZoneOffset.UTC));
    await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(person).size() == 1);
    MimeMessage mail = mailsTo(person).get(0);
    assertThat(mail.getSubject())
        .isEqualTo("[UPR Engage] Votre r\u00e9sum\u00e9 quotidien : 1 notification");
    assertThat(text(mail))
        .contains(
            "Nouvelle t\u00e2che pour votre groupe : R\u00e9diger la section de l'agence",
            "http://127.0.0.1:8080/tasks/" + taskId)
        .doesNotContain("Draft the agency section");
  }

  private Person newPerson(String locale, String role) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Person person =
        new Person(
            "pref-" + suffix,
            "Preferences " + suffix,
            "pref-" + suffix + "@example.org",
            locale,
            "AG" + suffix.toUpperCase(),
            List.of(role),
            List.of("GHA"));
    people.save(person);
    return person;
  }

  /** A clearance task offered to the person's agency's heads of office. */
  private void approvalWaiting(Person person, UUID reviewId, int sequence, String taskId)
      throws Exception {
    kafka
        .send(
            taskEvent(
                reviewId,
                "org.uprengage.task.created.v1",
                sequence,
                taskId,
                "\"taskKey\":\"UserTask_ClearSubmission\",\"candidateGroups\":[\"head-of-office:%s\"]"
                    .formatted(person.agency())))
        .get();
  }

  private void preferences(Person person, String body) throws Exception {
    mvc.perform(
            put("/api/me/notification-preferences")
                .with(as(person.username(), person.agency(), person.roles().get(0)))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk());
  }

  private Email emailOf(String taskId) {
    return jdbc.queryForObject(
        "SELECT e.status, e.next_attempt_at FROM ns_email e JOIN ns_notification n ON n.id = e.notification_id WHERE n.task_id = ?",
        (rs, i) -> new Email(rs.getString(1), rs.getTimestamp(2).toInstant()),
        taskId);
  }

  private int heldFor(Person person) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM ns_email WHERE username = ? AND status = 'held'",
        Integer.class,
        person.username());
  }

  private static List<MimeMessage> mailsAbout(String taskId) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> GreenMailUtil.getBody(mail).contains(taskId))
        .toList();
  }

  private static List<MimeMessage> mailsTo(Person person) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            mail -> {
              try {
                return mail.getRecipients(Message.RecipientType.TO)[0]
                    .toString()
                    .equals(person.email());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  /** A moment as an e-mail tells it: the day in the language, the time and the zone named. */
  private static String moment(Instant at, Locale locale, String zone, String word) {
    ZonedDateTime local = at.atZone(ZoneId.of(zone));
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(local)
        + " "
        + word
        + " "
        + DateTimeFormatter.ofPattern("HH:mm").format(local)
        + " ("
        + zone
        + ")";
  }

  /** The plain text of an e-mail, decoded. */
  private static String text(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = text(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  private record Email(String status, Instant due) {}
}
