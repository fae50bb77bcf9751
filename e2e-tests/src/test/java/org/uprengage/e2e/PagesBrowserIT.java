package org.uprengage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web pages in a real browser (headless Chromium) against the three services ({@link
 * Platform}): a coordinator plans a submission and a focal point drafts and completes from the
 * pages, a head of office sends the text back with a comment, clears the next round seeing what
 * changed, and the RC signs it off; a task completed with the keyboard alone; a POST without the
 * CSRF token refused; another country team's pages not found; and axe-core on every page, with a
 * screenshot of each.
 */
class PagesBrowserIT {

  private static final String UNICEF_SECTION =
      "UNICEF's section: children's rights, birth registration, education.";
  private static final String UNDP_SECTION = "UNDP's section: governance.";
  private static final String ROUND_1 = "The UN in Ghana on birth registration and governance.";
  private static final String ROUND_2 =
      "The UN in Ghana on birth registration in 2024 and governance.";
  private static final String SENT_BACK = "Add the 2024 birth registration figures.";
  private static final String REFERENCE = "OHCHR/UPR/GHA/70/UNCT";

  private static String webApi;
  private static Api coordinator;

  @BeforeAll
  static void startPlatform() throws Exception {
    webApi = Platform.get().webApi;
    coordinator = new Api(webApi, "coordinator", "demo");
    LocalDate opens = LocalDate.now(ZoneOffset.UTC).plusDays(300);
    for (int session : new int[] {70, 71, 72}) {
      addSession(session, opens.plusDays(session));
    }
  }

  @Test
  void aCoordinatorPlansAndAFocalPointDraftsAndCompletesFromThePages() throws Exception {
    String reviewId = startReview(70);
    String plan = taskOf(coordinator, reviewId, "UserTask_PlanSubmission");
    Api focalUnicef = new Api(webApi, "focal-unicef", "demo");
    String draft;

    try (Browser browser = new Browser(webApi);
        Browser inbox = new Browser(webApi).signIn("focal-unicef")) {
      // the focal point's Notifications page listens to their stream before the plan is made
      inbox.open("/notifications").waitFor(By.id("inbox-live"));
      inbox.script("window.stayedOnThePage = true");

      browser.open("/login").waitFor(By.id("username"));
      browser.assertAccessible();
      browser.screenshot("sign-in");

      browser.signIn("coordinator").open("/tasks/" + plan);
      browser
          .waitFor(By.xpath("//div[@class='row-actions']//button[normalize-space()='Claim']"))
          .click();
      browser.waitFor(By.id("complete-title"));
      // the plan's field in words, not the engine's id
      assertThat(browser.driver.findElement(By.tagName("legend")).getText())
          .startsWith("Agencies that draft a section");
      browser.driver.findElement(By.xpath("//label[normalize-space()='UNICEF']")).click();
      browser.driver.findElement(By.xpath("//label[normalize-space()='UNDP']")).click();
      browser.assertAccessible();
      browser.screenshot("task-plan-submission");
      browser.driver.findElement(By.xpath("//button[normalize-space()='Complete']")).click();
      browser.confirmationSaying("Completed");

      browser.open("/?show=team");
      browser.waitFor(By.id("work-list"));
      browser.assertAccessible();
      browser.screenshot("my-work-coordinator");
      // on a phone the team's list scrolls inside its own box; the page itself never sideways
      browser.driver.manage().window().setSize(new Dimension(390, 844));
      assertThat(
              (Long)
                  browser.script(
                      "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
          .as("how far My work overflows a phone's width, in CSS pixels")
          .isLessThanOrEqualTo(0L);
      browser.driver.manage().window().setSize(new Dimension(1280, 900));

      // the focal point's draft arrives in their inbox as it is made, the page never reloaded
      draft = taskOf(focalUnicef, reviewId, "UserTask_DraftAgencySection");
      WebElement notification =
          inbox.waitFor(By.cssSelector("#inbox a[href$='/tasks/" + draft + "']"));
      assertThat(inbox.script("return window.stayedOnThePage === true")).isEqualTo(true);
      inbox.assertAccessible();
      inbox.screenshot("notifications");
      notification.click();

      inbox
          .waitFor(By.xpath("//div[@class='row-actions']//button[normalize-space()='Claim']"))
          .click();
      inbox.waitFor(By.id("field-text")).sendKeys(UNICEF_SECTION);
      inbox.assertAccessible();
      inbox.screenshot("task-draft");
      inbox.driver.findElement(By.xpath("//button[normalize-space()='Complete']")).click();
      inbox.confirmationSaying("Completed");
    }
    assertThat(openTasks(reviewId)).doesNotContain(draft);

    // the other focal point claims their draft from My work (the list swapped in place)
    Api focalUndp = new Api(webApi, "focal-undp", "demo");
    String undpDraft = taskOf(focalUndp, reviewId, "UserTask_DraftAgencySection");
    try (Browser browser = new Browser(webApi).signIn("focal-undp")) {
      WebElement row = rowOf(browser, undpDraft);
      row.findElement(By.xpath(".//button[normalize-space()='Prendre']")).click();
      await("the claimed task's row")
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () ->
                  browser
                      .driver
                      .findElement(By.id("task-" + undpDraft))
                      .findElement(By.linkText("Ouvrir"))
                      .isDisplayed());
      assertThat(browser.driver.findElement(By.cssSelector(".messages .ok")).getText())
          .isEqualTo("La tâche est à vous.");
      // htmx swapped in the row alone, and the keyboard is on what comes next: opening the task
      // (htmx moves the focus as the swap settles, a moment after the row is in)
      await("the keyboard on Ouvrir")
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(() -> "Ouvrir".equals(browser.driver.switchTo().activeElement().getText()));
      assertThat(
              browser
                  .driver
                  .findElement(By.id("task-" + undpDraft))
                  .findElement(By.tagName("a"))
                  .getText())
          .isEqualTo("Rédiger la section de l'agence");
      browser.assertAccessible();
      browser.screenshot("my-work");
      // and drafts it from the task's page
      browser
          .driver
          .findElement(By.id("task-" + undpDraft))
          .findElement(By.linkText("Ouvrir"))
          .click();
      browser.waitFor(By.id("field-text")).sendKeys(UNDP_SECTION);
      browser.driver.findElement(By.xpath("//button[normalize-space()='Terminer']")).click();
      browser.confirmationSaying("Terminée");
    }

    // the coordinator consolidates the sections, reading them on the task's page
    try (Browser browser = new Browser(webApi).signIn("coordinator")) {
      WebElement text =
          claimFromMyWork(browser, taskOf(coordinator, reviewId, "UserTask_ConsolidateSubmission"));
      assertThat(browser.driver.findElement(By.id("sections-title")).getText())
          .isEqualTo("The agencies' sections to consolidate");
      assertThat(browser.driver.findElement(By.id("section-UNICEF")).getText())
          .contains("focal-unicef", UNICEF_SECTION);
      assertThat(browser.driver.findElement(By.id("section-UNDP")).getText())
          .contains("focal-undp", UNDP_SECTION);
      // the form starts from the sections, in a text area made for a long text, its limit beside it
      assertThat(text.getDomProperty("value")).contains(UNICEF_SECTION, UNDP_SECTION);
      assertThat(text.getDomAttribute("maxlength")).isEqualTo("200000");
      assertThat(text.getSize().getHeight()).isGreaterThan(250);
      assertThat(browser.driver.findElement(By.id("field-text-limit")).getText())
          .isEqualTo("At most 200,000 characters.");
      browser.assertAccessible();
      browser.screenshot("task-consolidate");
      // emptied, the text is named as required beside the field, and nothing went to the engine
      text.clear();
      browser.driver.findElement(By.xpath("//button[normalize-space()='Complete']")).click();
      assertThat(browser.waitFor(By.id("field-text-error")).getText())
          .isEqualTo("Text is required.");
      assertThat(browser.driver.findElement(By.id("field-text")).getDomAttribute("aria-invalid"))
          .isEqualTo("true");
      browser.assertAccessible();
      browser.driver.findElement(By.id("field-text")).sendKeys(ROUND_1);
      browser.driver.findElement(By.xpath("//button[normalize-space()='Complete']")).click();
      browser.confirmationSaying("Completed");
    }

    // a head of office sends the first round back with a comment; the other clears it
    try (Browser head = new Browser(webApi).signIn("head-unicef")) {
      decide(head, reviewId, "send-back", SENT_BACK);
      assertThat(head.confirmationSaying("You sent the text back."))
          .isEqualTo("You sent the text back.");
    }
    try (Browser head = new Browser(webApi).signIn("head-undp")) {
      decide(head, reviewId, "approve", null);
      assertThat(head.confirmationSaying("You approved the text."))
          .isEqualTo("You approved the text.");
    }

    // the focal point revises with what was asked in front of them, from their section as it was
    try (Browser browser = new Browser(webApi).signIn("focal-unicef")) {
      WebElement text =
          claimFromMyWork(browser, taskOf(focalUnicef, reviewId, "UserTask_ReviseAgencySection"));
      assertThat(browser.driver.findElement(By.id("sent-back-title")).getText())
          .isEqualTo("Sent back in round 1: what to change");
      assertThat(browser.driver.findElement(By.cssSelector(".sent-back")).getText())
          .contains("head-unicef (UNICEF)", SENT_BACK);
      assertThat(text.getDomProperty("value")).isEqualTo(UNICEF_SECTION);
      // a section sent back is revised, not declined
      assertThat(browser.driver.findElements(By.id("field-decline"))).isEmpty();
      text.sendKeys(" With the 2024 figures.");
      browser.assertAccessible();
      browser.screenshot("task-revise");
      browser.driver.findElement(By.xpath("//button[normalize-space()='Complete']")).click();
      browser.confirmationSaying("Completed");
    }

    // the coordinator's second round starts from the first, with what was asked and the revision
    try (Browser browser = new Browser(webApi).signIn("coordinator")) {
      WebElement text =
          claimFromMyWork(browser, taskOf(coordinator, reviewId, "UserTask_ConsolidateSubmission"));
      assertThat(text.getDomProperty("value")).isEqualTo(ROUND_1);
      assertThat(browser.driver.findElement(By.cssSelector(".sent-back")).getText())
          .contains(SENT_BACK);
      assertThat(browser.driver.findElement(By.id("section-UNICEF")).getText())
          .contains(UNICEF_SECTION + " With the 2024 figures.");
      text.clear();
      text.sendKeys(ROUND_2);
      browser.driver.findElement(By.xpath("//button[normalize-space()='Complete']")).click();
      browser.confirmationSaying("Completed");
    }

    try (Browser head = new Browser(webApi).signIn("head-unicef")) {
      // the second round, with what changed since the first, is cleared
      assertThat(
              approval(head, reviewId)
                  .findElement(By.cssSelector(".diff ins"))
                  .getDomProperty("textContent"))
          .isEqualTo("added: in 2024");
      head.assertAccessible();
      head.screenshot("approvals");
      decide(head, reviewId, "approve", null);
      assertThat(head.confirmationSaying("You approved the text."))
          .isEqualTo("You approved the text.");
    }
    try (Browser head = new Browser(webApi).signIn("head-undp")) {
      decide(head, reviewId, "approve", null);
      assertThat(head.confirmationSaying("You approved the text."))
          .isEqualTo("You approved the text.");
    }
    try (Browser rc = new Browser(webApi).signIn("rc")) {
      decide(rc, reviewId, "approve", null);
      assertThat(rc.confirmationSaying("You approved the text."))
          .isEqualTo("You approved the text.");
    }

    // the coordinator records when it went to OHCHR; a day still to come is named beside its field
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String recorded = taskOf(coordinator, reviewId, "UserTask_RecordSubmission");
    try (Browser browser = new Browser(webApi).signIn("coordinator")) {
      claimFromMyWork(browser, recorded);
      WebElement on = browser.waitFor(By.id("field-submittedOn"));
      browser.script("arguments[0].value = arguments[1]", on, today.plusDays(5).toString());
      browser.driver.findElement(By.id("field-reference")).sendKeys(REFERENCE);
      assertThat(browser.driver.findElement(By.id("field-reference-limit")).getText())
          .isEqualTo("At most 200 characters.");
      browser.driver.findElement(By.xpath("//button[normalize-space()='Complete']")).click();
      assertThat(browser.waitFor(By.id("field-submittedOn-error")).getText())
          .isEqualTo("Submitted on cannot be in the future");
      assertThat(browser.driver.findElement(By.id("field-reference")).getDomProperty("value"))
          .isEqualTo(REFERENCE);
      browser.script(
          "arguments[0].value = arguments[1]",
          browser.driver.findElement(By.id("field-submittedOn")),
          today.toString());
      browser.assertAccessible();
      browser.screenshot("task-record-submission");
      browser.driver.findElement(By.xpath("//button[normalize-space()='Complete']")).click();
      browser.confirmationSaying("Completed");

      // the review's page tells the round: both rounds' decisions, and what went to OHCHR
      browser.open("/reviews/" + reviewId);
      assertThat(browser.waitFor(By.tagName("h1")).getText()).contains("GHA", "70");
      assertThat(browser.driver.findElement(By.id("timeline-title")).isDisplayed()).isTrue();
      WebElement submission =
          browser.driver.findElement(By.cssSelector("section[aria-labelledby='submission-title']"));
      assertThat(fact(submission, "Round")).isEqualTo("2");
      assertThat(fact(submission, "Sent to OHCHR")).contains(REFERENCE, "coordinator");
      List<String> decisions =
          submission
              .findElements(
                  By.xpath(".//table[caption[normalize-space()='Decisions so far']]//tbody/tr"))
              .stream()
              .map(row -> row.getText().replaceAll("\\s+", " "))
              .toList();
      assertThat(decisions).hasSize(5);
      assertThat(decisions.get(0))
          .startsWith("1 Clearance by the head of office sent back head-unicef (UNICEF)")
          .contains(SENT_BACK);
      assertThat(decisions.get(1))
          .startsWith("1 Clearance by the head of office approved head-undp (UNDP)");
      assertThat(decisions.get(2))
          .startsWith("2 Clearance by the head of office approved head-unicef (UNICEF)");
      assertThat(decisions.get(3))
          .startsWith("2 Clearance by the head of office approved head-undp (UNDP)");
      assertThat(decisions.get(4)).startsWith("2 Sign-off by the Resident Coordinator approved rc");
      browser.assertAccessible();
      browser.screenshot("review");
    }
    // the submission stage is over: the review has moved on to its next tasks
    assertThat(openTasks(reviewId)).doesNotContain(recorded);
  }

  /**
   * Opens the task from My work, as its holder would, claims it on its page where it is not theirs
   * yet, and gives its text field (null where it has none).
   */
  private static WebElement claimFromMyWork(Browser browser, String taskId) {
    rowOf(browser, taskId).findElement(By.tagName("a")).click();
    browser.waitForAddress("/tasks/" + taskId);
    // a task given straight to its holder (the engine assigns some) has nothing to claim
    List<WebElement> claim =
        browser.driver.findElements(
            By.xpath("//div[@class='row-actions']//button[normalize-space()='Claim']"));
    if (!claim.isEmpty()) {
      claim.get(0).click();
    }
    browser.waitFor(By.id("complete-title"));
    List<WebElement> text = browser.driver.findElements(By.id("field-text"));
    return text.isEmpty() ? null : text.get(0);
  }

  /** What a list of facts on the page says of {@code term}. */
  private static String fact(WebElement facts, String term) {
    return facts
        .findElement(By.xpath(".//dt[normalize-space()='" + term + "']/following-sibling::dd[1]"))
        .getText();
  }

  /** Opens Approvals and sends a decision on the review's text. */
  private static void decide(Browser browser, String reviewId, String decision, String comments) {
    WebElement approval = approval(browser, reviewId);
    approval.findElement(By.cssSelector("input[value='" + decision + "']")).click();
    if (comments != null) {
      approval.findElement(By.tagName("textarea")).sendKeys(comments);
    }
    approval.findElement(By.cssSelector("button[type='submit']")).click();
  }

  /** The decision waiting on Approvals for the review's text, once it is there. */
  private static WebElement approval(Browser browser, String reviewId) {
    By approval =
        By.xpath(
            "//section[contains(@class,'approval')][.//a[contains(@href,'" + reviewId + "')]]");
    await("a decision on Approvals")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              browser.open("/approvals");
              return !browser.driver.findElements(approval).isEmpty();
            });
    return browser.driver.findElement(approval);
  }

  @Test
  void aFocalPointCompletesATaskWithTheKeyboardAlone() throws Exception {
    String reviewId = startReview(71);
    String plan = taskOf(coordinator, reviewId, "UserTask_PlanSubmission");
    assertThat(coordinator.post("/api/tasks/" + plan + "/claim", null).status()).isEqualTo(200);
    assertThat(
            coordinator
                .post("/api/tasks/" + plan + "/complete", "{\"agencies\":[\"UNDP\"]}")
                .status())
        .isEqualTo(204);
    String draft =
        taskOf(new Api(webApi, "focal-undp", "demo"), reviewId, "UserTask_DraftAgencySection");

    try (Browser browser = new Browser(webApi).signIn("focal-undp")) {
      browser.open("/tasks/" + draft);
      // focal-undp reads French: the pages are in French for them
      WebElement claim =
          browser.waitFor(
              By.xpath("//div[@class='row-actions']//button[normalize-space()='Prendre']"));
      tabTo(browser, claim);
      keys(browser, Keys.ENTER);
      WebElement text = browser.waitFor(By.id("field-text"));
      tabTo(browser, text);
      keys(browser, "La section du PNUD, saisie au clavier.");
      tabTo(
          browser, browser.driver.findElement(By.xpath("//button[normalize-space()='Terminer']")));
      keys(browser, Keys.ENTER);
      browser.confirmationSaying("Terminée");
    }
    assertThat(openTasks(reviewId)).doesNotContain(draft);
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefusedAndAnotherTeamsPagesAreNotFound() throws Exception {
    String reviewId = startReview(72);
    String plan = taskOf(coordinator, reviewId, "UserTask_PlanSubmission");
    try (Browser browser = new Browser(webApi).signIn("coordinator")) {
      assertThat(browser.fetchStatus("POST", "/tasks/" + plan + "/claim")).isEqualTo(403);
    }
    assertThat(coordinator.get("/api/tasks/" + plan).body().path("assignee").isMissingNode())
        .isTrue();

    try (Browser browser = new Browser(webApi).signIn("viewer-ken")) {
      assertThat(browser.fetchStatus("GET", "/reviews/" + reviewId)).isEqualTo(404);
      assertThat(browser.fetchStatus("GET", "/tasks/" + plan)).isEqualTo(404);
      browser.open("/reviews/" + reviewId);
      assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Not found");
      browser.assertAccessible();
      browser.screenshot("not-found");
    }
  }

  @Test
  void aPersonSwitchesToSpanishAndTheNextPageIsInSpanish() throws Exception {
    try (Browser browser = new Browser(webApi).signIn("viewer")) {
      browser.open("/notifications");
      assertThat(
              new Select(browser.waitFor(By.id("language")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEmpty(); // as in the directory
      assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
          .isEqualTo("en");
      try {
        choose(browser, "es");
        assertThat(browser.confirmationSaying("Sus preferencias est\u00e1n guardadas."))
            .isEqualTo("Sus preferencias est\u00e1n guardadas.");
        browser.assertAccessible();
        browser.open("/");
        assertThat(browser.waitFor(By.cssSelector("main h1")).getText()).isEqualTo("Mi trabajo");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
            .isEqualTo("es");
      } finally {
        // back to the directory's language: other walks read the viewer's pages in English
        browser.open("/notifications");
        choose(browser, "");
      }
      assertThat(browser.confirmationSaying("Your preferences are saved."))
          .isEqualTo("Your preferences are saved.");
    }
  }

  /** Chooses a language in the preferences form and saves it. */
  private static void choose(Browser browser, String language) {
    new Select(browser.waitFor(By.id("language"))).selectByValue(language);
    browser
        .driver
        .findElement(
            By.cssSelector("form[action='/notifications/preferences'] button[type=submit]"))
        .click();
  }

  @Test
  void anAdminCorrectsASessionAndSeesAChangeMadeMeanwhileInWords() throws Exception {
    Api admin = new Api(webApi, "admin", "demo");
    LocalDate opens = LocalDate.now(ZoneOffset.UTC).plusDays(450);
    JsonNode added = addSession(73, opens);

    try (Browser browser = new Browser(webApi).signIn("admin")) {
      browser.open("/calendar#session-73");
      WebElement session = browser.waitFor(By.id("session-73"));
      session.findElement(By.tagName("summary")).click();
      WebElement endsOn = browser.waitFor(By.id("s73-endsOn"));
      browser.assertAccessible();
      browser.screenshot("calendar");

      // another admin moves the session's start while this one types
      Api.Response moved =
          admin.patch(
              "/api/sessions/73",
              "{\"startsOn\":\"" + opens.plusDays(1) + "\"}",
              added.path("version").asInt());
      assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
      String typed = opens.plusDays(12).toString();
      browser.script("arguments[0].value = arguments[1]", endsOn, typed);
      session.findElement(By.xpath(".//button[normalize-space()='Save the session']")).click();

      WebElement told = browser.waitFor(By.cssSelector("#session-73 [role='alert']"));
      assertThat(told.getText()).contains("Session 73 was changed meanwhile, by admin");
      assertThat(browser.driver.findElement(By.id("s73-endsOn")).getDomProperty("value"))
          .isEqualTo(typed);
      browser.assertAccessible();
      browser
          .driver
          .findElement(
              By.xpath("//section[@id='session-73']//button[normalize-space()='Save the session']"))
          .click();
      assertThat(browser.confirmationSaying("The session is saved."))
          .isEqualTo("The session is saved.");
    }
    JsonNode now = admin.get("/api/sessions/73").body();
    assertThat(now.path("startsOn").asText()).isEqualTo(opens.plusDays(1).toString());
    assertThat(now.path("endsOn").asText()).isEqualTo(opens.plusDays(12).toString());
  }

  @Test
  void aCoordinatorStartsAReviewFromTheReviewsPageAndLandsOnIt() throws Exception {
    addSession(78, LocalDate.now(ZoneOffset.UTC).plusDays(500));

    try (Browser browser = new Browser(webApi).signIn("coordinator")) {
      browser.open("/");
      browser.waitFor(By.xpath("//nav//a[normalize-space()='Reviews']")).click();
      browser.waitFor(By.id("start-title"));
      browser.assertAccessible();
      // the coordinator's one team is chosen already; they type the session's number
      assertThat(
              new Select(browser.driver.findElement(By.id("start-country")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("GHA");
      browser.driver.findElement(By.id("start-session")).sendKeys("78");
      browser
          .driver
          .findElement(By.xpath("//button[normalize-space()='Start the review']"))
          .click();

      assertThat(browser.confirmationSaying("The review is started."))
          .isEqualTo("The review is started.");
      assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains("GHA", "78");
      String reviewId = browser.driver.getCurrentUrl().replaceFirst(".*/reviews/", "");
      assertThat(coordinator.get("/api/reviews/" + reviewId).body().path("session").asInt())
          .isEqualTo(78);

      // back to the list by the review page's link: the new review is first, linked to its page
      browser.driver.findElement(By.cssSelector(".crumbs a[href='/reviews']")).click();
      WebElement first = browser.waitFor(By.cssSelector("table.reviews tbody tr"));
      assertThat(first.getAttribute("id")).isEqualTo("review-" + reviewId);
      assertThat(first.getText()).contains("GHA · session 78", "Planning the submission");
      browser.assertAccessible();
      browser.screenshot("reviews");

      // starting it again is refused in words, with a link to the one there, the number kept
      browser.driver.findElement(By.id("start-session")).sendKeys("78");
      browser
          .driver
          .findElement(By.xpath("//button[normalize-space()='Start the review']"))
          .click();
      WebElement told = browser.waitFor(By.cssSelector(".start-review [role='alert']"));
      assertThat(told.getText()).contains("There is already a review of GHA in WG session 78");
      assertThat(told.findElement(By.tagName("a")).getAttribute("href"))
          .endsWith("/reviews/" + reviewId);
      assertThat(browser.driver.findElement(By.id("start-session")).getDomProperty("value"))
          .isEqualTo("78");
      browser.assertAccessible();
    }
  }

  @Test
  void aCoordinatorImportsOhchrsListAndGivesLeadAgenciesFromTheReviewPage() throws Exception {
    addSession(79, LocalDate.now(ZoneOffset.UTC).plusDays(700));
    String reviewId = startReview(79);
    // two real rows of OHCHR's list for Slovenia and one with an SDG that does not exist
    Path list = Files.createTempFile("recommendations-", ".csv");
    try (InputStream csv =
        PagesBrowserIT.class.getResourceAsStream("/recommendations-with-a-bad-row.csv")) {
      Files.copy(csv, list, StandardCopyOption.REPLACE_EXISTING);
    }

    try (Browser browser = new Browser(webApi).signIn("coordinator")) {
      browser.open("/reviews/" + reviewId);
      browser.waitFor(By.id("import-file")).sendKeys(list.toAbsolutePath().toString());
      browser.driver.findElement(By.xpath("//button[normalize-space()='Import the list']")).click();

      // the good rows are kept and the bad one is named with its line, paragraph and reason
      WebElement result = browser.waitFor(By.id("import-result"));
      assertThat(result.getText()).contains("2 added", "1 row was not taken");
      assertThat(result.findElement(By.cssSelector(".rejected li")).getText())
          .startsWith("Line 4 (paragraph 121.301):");
      browser.assertAccessible();

      // a lead agency for one recommendation, from its own row
      WebElement row = recommendationRow(browser, "121.1");
      new Select(row.findElement(By.cssSelector("select[name='leadAgency']")))
          .selectByValue("UNICEF");
      row.findElement(By.xpath(".//button[normalize-space()='Assign']")).click();
      // the whole page comes back (the old one has the row too, without the status)
      assertThat(browser.waitFor(recommendationRowPath("121.1", "//*[@role='status']")).getText())
          .isEqualTo("UNICEF leads on it now.");

      // and for the ticked ones at once, with what became of each
      recommendationRow(browser, "121.300")
          .findElement(By.cssSelector("input[name='paragraphs']"))
          .click();
      new Select(browser.driver.findElement(By.id("bulk-lead"))).selectByValue("UNDP");
      browser
          .driver
          .findElement(By.xpath("//label[normalize-space()='UNICEF'][starts-with(@for,'bulk-')]"))
          .click();
      browser
          .driver
          .findElement(
              By.xpath("//button[normalize-space()='Assign the selected recommendations']"))
          .click();
      WebElement bulk = browser.waitFor(By.id("bulk-result"));
      assertThat(bulk.getText()).contains("UNDP leads: 1 changed", "121.300: assigned");
      browser.assertAccessible();
      browser.screenshot("recommendations");
    } finally {
      Files.deleteIfExists(list);
    }

    JsonNode undp =
        coordinator
            .get("/api/reviews/" + reviewId + "/recommendations?leadAgency=UNDP")
            .body()
            .path("items");
    assertThat(undp).hasSize(1);
    assertThat(undp.get(0).path("paragraph").asText()).isEqualTo("121.300");
    assertThat(undp.get(0).path("supportingAgencies").get(0).asText()).isEqualTo("UNICEF");
    JsonNode unicef =
        coordinator
            .get("/api/reviews/" + reviewId + "/recommendations?leadAgency=UNICEF")
            .body()
            .path("items");
    assertThat(unicef).hasSize(1);
    assertThat(unicef.get(0).path("paragraph").asText()).isEqualTo("121.1");
  }

  /** The row of the review page's recommendation with this paragraph number. */
  private static WebElement recommendationRow(Browser browser, String paragraph) {
    return browser.waitFor(recommendationRowPath(paragraph, ""));
  }

  /** The row of the recommendation list for a paragraph, or what {@code within} finds in it. */
  private static By recommendationRowPath(String paragraph, String within) {
    return By.xpath(
        "//div[@id='recommendation-list']//tr[td[normalize-space()='" + paragraph + "']]" + within);
  }

  /** Presses Tab until {@code wanted} has the focus (at most 60 times). */
  private static void tabTo(Browser browser, WebElement wanted) {
    for (int i = 0; i < 60; i++) {
      if (browser.driver.switchTo().activeElement().equals(wanted)) {
        return;
      }
      keys(browser, Keys.TAB);
    }
    throw new AssertionError("Tab never reached " + wanted);
  }

  /** Keys typed on the keyboard, into whatever has the focus. */
  private static void keys(Browser browser, CharSequence... keys) {
    new Actions(browser.driver).sendKeys(keys).perform();
  }

  private static WebElement rowOf(Browser browser, String taskId) {
    await("the task on My work")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              browser.open("/");
              return !browser.driver.findElements(By.id("task-" + taskId)).isEmpty();
            });
    return browser.driver.findElement(By.id("task-" + taskId));
  }

  /** Adds WG session {@code number}, twelve days from {@code opens}, as an admin: the session. */
  private static JsonNode addSession(int number, LocalDate opens) throws Exception {
    Api.Response added =
        new Api(webApi, "admin", "demo")
            .post(
                "/api/sessions",
                "{\"number\":%d,\"startsOn\":\"%s\",\"endsOn\":\"%s\"}"
                    .formatted(number, opens, opens.plusDays(11)));
    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
    return added.body();
  }

  private static String startReview(int session) throws Exception {
    Api.Response started =
        coordinator.post("/api/reviews", "{\"country\":\"GHA\",\"session\":" + session + "}");
    assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
    return started.body().get("id").asText();
  }

  private static String taskOf(Api who, String reviewId, String taskKey) {
    return await(taskKey)
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Optional<String> found = Optional.empty();
              for (JsonNode task :
                  who.get("/api/tasks?reviewId=" + reviewId + "&taskKey=" + taskKey)
                      .body()
                      .path("items")) {
                found = Optional.of(task.get("id").asText());
              }
              return found;
            },
            Optional::isPresent)
        .orElseThrow();
  }

  private static List<String> openTasks(String reviewId) throws Exception {
    List<String> ids = new ArrayList<>();
    coordinator
        .get("/api/reviews/" + reviewId)
        .body()
        .path("openTasks")
        .forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }
}
