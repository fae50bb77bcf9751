package org.uprengage.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.uprengage.notification.NotificationIntegrationTest;

class EmailChannelTest extends NotificationIntegrationTest {

  @Test
  void everyoneToldOfATaskGetsOneEMailWithALinkToIt() throws Exception {
    double sentBefore = metric("upr_emails_total", "outcome=\"sent\"");
    double notifiedBefore = metric("upr_notifications_total", "outcome=\"delivered\"");
    String taskId = UUID.randomUUID().toString();
    ProducerRecord<String, String> event =
        taskCreated(UUID.randomUUID(), taskId, List.of("UNICEF"));
    kafka.send(event).get();
    kafka.send(event).get(); // redelivered: no second e-mail

    await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(taskId).size() == 2);
    List<MimeMessage> mails = mailsAbout(taskId);
    assertThat(mails)
        .extracting(mail -> mail.getRecipients(Message.RecipientType.TO)[0].toString())
        .containsExactlyInAnyOrder("focal-unicef@example.org", "head-unicef@example.org");
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject())
        .isEqualTo("[UPR Engage] New task for your group: Draft the agency section");
    assertThat(GreenMailUtil.getBody(mail))
        .contains("http://127.0.0.1:8080/tasks/" + taskId, "text/html", "text/plain");
    String taskIdOfAnother = UUID.randomUUID().toString();
    kafka.send(taskCreated(UUID.randomUUID(), taskIdOfAnother, List.of("UNICEF"))).get();
    await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(taskIdOfAnother).size() == 2);
    assertThat(mailsAbout(taskId)).hasSize(2);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM ns_email e JOIN ns_notification n ON n.id = e.notification_id WHERE n.task_id = ? AND e.status = 'sent'",
                Integer.class,
                taskId))
        .isEqualTo(2);
    // the last e-mail is counted just after the SMTP server has it: waited for, not raced
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> metric("upr_emails_total", "outcome=\"sent\"") >= sentBefore + 4);
    assertThat(metric("upr_notifications_total", "outcome=\"delivered\""))
        .isGreaterThanOrEqualTo(notifiedBefore + 4);
  }

  @Test
  void backoffGrowsAndStopsAtAnHour() {
    assertThat(EmailChannel.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(EmailChannel.backoff(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(EmailChannel.backoff(8)).isEqualTo(Duration.ofHours(1));
  }

  private static List<MimeMessage> mailsAbout(String taskId) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> GreenMailUtil.getBody(mail).contains(taskId))
        .toList();
  }
}
