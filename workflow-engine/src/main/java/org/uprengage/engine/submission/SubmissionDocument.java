package org.uprengage.engine.submission;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFEndnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;

/**
 * The joint submission of one round as the {@code .docx} OHCHR receives: a cover (the UN country
 * team, the State, the Working Group session, the date of the round), the consolidated text in
 * numbered paragraphs (each non-blank line of the text is a paragraph), then each agency's section
 * as it stood at the round, in the agreed order, under the agency's name, its paragraphs numbered
 * on; headings in English, French or Spanish.
 *
 * <p>Sources: a text cites one with a marker {@code [^label]} in a paragraph and gives it on a line
 * of its own, {@code [^label]: the source} (Markdown's footnote syntax); the document makes each
 * marker an endnote holding the source, and the definition lines are not paragraphs. Labels belong
 * to their text (two agencies may both use {@code [^1]}); a marker whose label the text does not
 * define stays as written.
 *
 * <p>The same round in the same language gives the same bytes every time (the package's dates are
 * the round's), so its SHA-256 identifies what the RC cleared and what was sent.
 */
@Service
public class SubmissionDocument {

  /** The media type of a Word document. */
  public static final String MEDIA_TYPE =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  public static final List<String> LANGUAGES = List.of("en", "fr", "es");

  private static final Map<String, Headings> HEADINGS =
      Map.of(
          "en",
          new Headings(
              Locale.ENGLISH,
              "Universal Periodic Review",
              "Joint submission of the %s",
              "State under review: %s",
              "Working Group on the Universal Periodic Review, session %d (%s to %s)",
              "Date: %s",
              "Contributions of the agencies of the UN country team"),
          "fr",
          new Headings(
              Locale.FRENCH,
              "Examen périodique universel",
              "Contribution conjointe : %s",
              "État examiné : %s",
              "Groupe de travail sur l'Examen périodique universel, session %d (du %s au %s)",
              "Date : %s",
              "Contributions des entités de l'équipe de pays des Nations Unies"),
          "es",
          new Headings(
              Locale.forLanguageTag("es"),
              "Examen Periódico Universal",
              "Contribución conjunta: %s",
              "Estado examinado: %s",
              "Grupo de Trabajo sobre el Examen Periódico Universal, período de sesiones %d (del %s"
                  + " al %s)",
              "Fecha: %s",
              "Contribuciones de las entidades del equipo de las Naciones Unidas en el país"));

  /** A source's marker in a paragraph: {@code [^label]}. */
  private static final Pattern MARKER = Pattern.compile("\\[\\^([^\\]\\s]{1,40})\\]");

  /** A source given on a line of its own: {@code [^label]: the source}. */
  private static final Pattern SOURCE = Pattern.compile("^\\[\\^([^\\]\\s]{1,40})\\]:\\s*(\\S.*)$");

  private final JdbcTemplate jdbc;

  SubmissionDocument(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The document of a round of a review the caller may see (the caller's visibility is checked
   * before).
   *
   * @param language en, fr or es; null for the country team's language
   */
  @Transactional(readOnly = true)
  public byte[] of(UUID reviewId, int round, String language) {
    check(round, language);
    Cover cover =
        jdbc
            .query(
                """
                SELECT t.name AS team, t.language, t.time_zone, r.country, r.session_number,
                       s.starts_on, s.ends_on, sr.text, sr.consolidated_at,
                       (SELECT n.name FROM upr_state_name n WHERE n.code = r.country
                         ORDER BY length(n.name) DESC, n.name LIMIT 1) AS state
                FROM upr_submission_round sr
                JOIN upr_review r ON r.id = sr.review_id
                JOIN upr_country_team t ON t.code = r.country
                JOIN upr_session s ON s.number = r.session_number
                WHERE sr.review_id = ? AND sr.round = ?
                """,
                (rs, i) ->
                    new Cover(
                        rs.getString("team"),
                        Optional.ofNullable(rs.getString("state")).orElse(rs.getString("country")),
                        rs.getInt("session_number"),
                        rs.getDate("starts_on").toLocalDate(),
                        rs.getDate("ends_on").toLocalDate(),
                        LANGUAGES.contains(rs.getString("language"))
                            ? rs.getString("language")
                            : "en",
                        ZoneId.of(rs.getString("time_zone")),
                        rs.getString("text"),
                        rs.getTimestamp("consolidated_at").toInstant()),
                reviewId,
                round)
            .stream()
            .findFirst()
            .orElseThrow(() -> new NotFound("Round of the joint submission", round));
    List<Section> agencies =
        jdbc.query(
            """
            SELECT coalesce(a.name, s.agency) AS name, s.text FROM upr_submission_round_section s
            LEFT JOIN upr_agency a ON a.code = s.agency
            WHERE s.review_id = ? AND s.round = ? ORDER BY s.position
            """,
            (rs, i) -> new Section(rs.getString("name"), rs.getString("text")),
            reviewId,
            round);
    return write(cover, agencies, HEADINGS.get(language == null ? cover.language() : language));
  }

  /** Refuses a round below 1 (null is the latest) and a language other than en, fr and es. */
  static void check(Integer round, String language) {
    if (round != null && round < 1) {
      throw new InvalidInput("round", "must be 1 or more");
    }
    if (language != null && !LANGUAGES.contains(language)) {
      throw new InvalidInput("language", "must be one of " + LANGUAGES);
    }
  }

  /** The SHA-256 of the round's document in the country team's language, in hexadecimal. */
  @Transactional(readOnly = true)
  public String sha256(UUID reviewId, int round) {
    return sha256(of(reviewId, round, null));
  }

  /** The SHA-256 of a document, in lower-case hexadecimal. */
  public static String sha256(byte[] document) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The paragraphs of a text: its non-blank lines, trimmed, leaving out the lines that give a
   * source ({@code [^label]: the source}).
   */
  public static List<String> paragraphs(String text) {
    return text.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !SOURCE.matcher(line).matches())
        .toList();
  }

  /** The sources a text gives, by label; the first definition of a label counts. */
  static Map<String, String> sources(String text) {
    Map<String, String> sources = new LinkedHashMap<>();
    text.lines()
        .map(String::strip)
        .map(SOURCE::matcher)
        .filter(Matcher::matches)
        .forEach(source -> sources.putIfAbsent(source.group(1), source.group(2).strip()));
    return sources;
  }

  private static byte[] write(Cover cover, List<Section> agencies, Headings headings) {
    DateTimeFormatter dates =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(headings.locale());
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(cover.at())));
      document.getProperties().getCoreProperties().setCreator(cover.team());
      document
          .getProperties()
          .getCoreProperties()
          .setTitle(String.format(headings.locale(), headings.title(), cover.team()));
      centred(document, headings.review(), 16, true);
      centred(document, String.format(headings.locale(), headings.title(), cover.team()), 14, true);
      centred(
          document, String.format(headings.locale(), headings.state(), cover.state()), 12, false);
      centred(
          document,
          String.format(
              headings.locale(),
              headings.session(),
              cover.session(),
              dates.format(cover.startsOn()),
              dates.format(cover.endsOn())),
          12,
          false);
      LocalDate on = LocalDate.ofInstant(cover.at(), cover.zone());
      centred(
          document, String.format(headings.locale(), headings.date(), dates.format(on)), 12, false);
      document.createParagraph().setPageBreak(true);
      int number = numbered(document, cover.text(), 0);
      if (!agencies.isEmpty()) {
        heading(document, headings.contributions(), 14);
        for (Section agency : agencies) {
          heading(document, agency.name(), 12);
          number = numbered(document, agency.text(), number);
        }
      }
      document.write(out);
      return withEntryTimes(out.toByteArray(), LocalDateTime.ofInstant(cover.at(), ZoneOffset.UTC));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the text's paragraphs numbered on from {@code number}, each source marker an endnote;
   * returns the last number written.
   */
  private static int numbered(XWPFDocument document, String text, int number) {
    Map<String, String> sources = sources(text);
    for (String line : paragraphs(text)) {
      XWPFParagraph paragraph = document.createParagraph();
      paragraph.setAlignment(ParagraphAlignment.BOTH);
      paragraph.createRun().setText(++number + ".");
      paragraph.createRun().addTab();
      Matcher marker = MARKER.matcher(line);
      int from = 0;
      while (marker.find()) {
        String source = sources.get(marker.group(1));
        if (source == null) {
          continue; // not a source this text gives: stays as written
        }
        if (marker.start() > from) {
          paragraph.createRun().setText(line.substring(from, marker.start()));
        }
        XWPFEndnote endnote = document.createEndnote();
        // the endnote's first paragraph opens with its number (POI adds the reference mark)
        endnote.createParagraph().createRun().setText(" " + source);
        paragraph.addFootnoteReference(endnote);
        from = marker.end();
      }
      if (from < line.length()) {
        paragraph.createRun().setText(line.substring(from));
      }
    }
    return number;
  }

  private static void heading(XWPFDocument document, String text, int size) {
    XWPFParagraph paragraph = document.createParagraph();
    paragraph.setAlignment(ParagraphAlignment.LEFT); // also gives it the properties keepNext sets
    paragraph.setKeepNext(true);
    XWPFRun run = paragraph.createRun();
    run.setText(text);
    run.setFontSize(size);
    run.setBold(true);
  }

  private static XWPFParagraph centred(XWPFDocument document, String text, int size, boolean bold) {
    XWPFParagraph paragraph = document.createParagraph();
    paragraph.setAlignment(ParagraphAlignment.CENTER);
    XWPFRun run = paragraph.createRun();
    run.setText(text);
    run.setFontSize(size);
    run.setBold(bold);
    return paragraph;
  }

  /**
   * The package again with every entry dated {@code at} (the ZIP writer dates them now), so that
   * the same round gives the same bytes.
   */
  private static byte[] withEntryTimes(byte[] docx, LocalDateTime at) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(docx.length);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTimeLocal(at);
        zip.putNextEntry(copy);
        in.transferTo(zip);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** An agency's section: the agency's name and its text. */
  private record Section(String name, String text) {}

  private record Cover(
      String team,
      String state,
      int session,
      LocalDate startsOn,
      LocalDate endsOn,
      String language,
      ZoneId zone,
      String text,
      Instant at) {}

  private record Headings(
      Locale locale,
      String review,
      String title,
      String state,
      String session,
      String date,
      String contributions) {}
}
