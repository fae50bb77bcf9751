package org.uprengage.engine.recommendation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.TooLarge;
import org.uprengage.engine.problem.UnsupportedContent;

/**
 * Tells a list's format from its bytes, never from its name or declared type (a renamed file is
 * what it is), and has it read: a Word document as OHCHR's thematic list, UTF-8 text as the CSV.
 * Anything else is refused as a whole, before a row is read.
 */
@Component
class ListReader {

  /** The largest list taken: OHCHR's lists are about 60 KB, a CSV of 400 recommendations less. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final Map<String, byte[]> NOT_LISTS =
      Map.of(
          "a PDF document", new byte[] {'%', 'P', 'D', 'F'},
          "a PNG image", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
          "a JPEG image", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
          "a GIF image", new byte[] {'G', 'I', 'F', '8'},
          "an old Office file (.doc or .xls)",
              new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0},
          "an RTF document", new byte[] {'{', '\\', 'r', 't', 'f'});

  private final StateNames states;

  ListReader(StateNames states) {
    this.states = states;
  }

  /**
   * @throws UnsupportedContent where the bytes are neither a Word document nor UTF-8 text
   * @throws InvalidInput where they are, but hold no list
   * @throws TooLarge over {@link #MAX_BYTES}
   */
  ParsedList read(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw tooLarge();
    }
    if (bytes.length == 0) {
      throw new InvalidInput("file", "is empty; send a thematic list (.docx) or a CSV");
    }
    if (startsWith(bytes, ZIP)) {
      return ThematicListDocument.read(bytes, states);
    }
    NOT_LISTS.forEach(
        (kind, magic) -> {
          if (startsWith(bytes, magic)) {
            throw new UnsupportedContent(
                "The file is "
                    + kind
                    + ", not a list of recommendations: send OHCHR's thematic list (.docx) or a CSV.");
          }
        });
    return RecommendationCsv.read(utf8(bytes), states);
  }

  static TooLarge tooLarge() {
    return new TooLarge(
        "The list is larger than " + MAX_BYTES / (1024 * 1024) + " MiB; no list of one review is.");
  }

  private static String utf8(byte[] bytes) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new UnsupportedContent(
          "The file is neither a Word document nor UTF-8 text: send OHCHR's thematic list (.docx)"
              + " or a CSV saved as UTF-8.");
    }
    if (text.indexOf('\0') >= 0) {
      throw new UnsupportedContent(
          "The file is binary, not a CSV: send OHCHR's thematic list (.docx) or a CSV.");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
