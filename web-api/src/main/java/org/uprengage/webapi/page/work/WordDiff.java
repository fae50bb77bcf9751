package org.uprengage.webapi.page.work;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What changed between two texts, word by word: the words kept, removed and added, in the order of
 * reading. The common beginning and end are matched first; the middle by its longest common
 * subsequence, or, where the middle is too long for that, as removed then added whole.
 */
final class WordDiff {

  /** Above this many word pairs in the changed middle, it is shown removed then added whole. */
  static final long MAX_PAIRS = 4_000_000L;

  private WordDiff() {}

  /** One run of words: kept ({@code same}), {@code removed} or {@code added}. */
  record Part(String kind, String text) {}

  static List<Part> of(String before, String after) {
    String[] a = words(before);
    String[] b = words(after);
    int start = 0;
    while (start < a.length && start < b.length && a[start].equals(b[start])) {
      start++;
    }
    int endA = a.length;
    int endB = b.length;
    while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
      endA--;
      endB--;
    }
    Runs runs = new Runs();
    runs.add("same", a, 0, start);
    long pairs = (long) (endA - start) * (endB - start);
    if (pairs > MAX_PAIRS) {
      runs.add("removed", a, start, endA);
      runs.add("added", b, start, endB);
    } else {
      middle(a, start, endA, b, start, endB, runs);
    }
    runs.add("same", a, endA, a.length);
    return runs.parts;
  }

  /** The changed middle by the longest common subsequence of its words. */
  private static void middle(
      String[] a, int fromA, int toA, String[] b, int fromB, int toB, Runs runs) {
    int n = toA - fromA;
    int m = toB - fromB;
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] =
            a[fromA + i].equals(b[fromB + j])
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[fromA + i].equals(b[fromB + j])) {
        runs.add("same", a[fromA + i]);
        i++;
        j++;
      } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
        runs.add("added", b[fromB + j]);
        j++;
      } else {
        runs.add("removed", a[fromA + i]);
        i++;
      }
    }
  }

  private static String[] words(String text) {
    String stripped = text == null ? "" : text.strip();
    return stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
  }

  /** Words gathered into runs of one kind. */
  private static final class Runs {
    private final List<Part> parts = new ArrayList<>();
    private String kind;
    private final List<String> words = new ArrayList<>();

    void add(String kind, String[] source, int from, int to) {
      Arrays.asList(source).subList(from, to).forEach(word -> add(kind, word));
      flush();
    }

    void add(String kind, String word) {
      if (!kind.equals(this.kind)) {
        flush();
        this.kind = kind;
      }
      words.add(word);
    }

    private void flush() {
      if (!words.isEmpty()) {
        parts.add(new Part(kind, String.join(" ", words)));
        words.clear();
      }
      kind = null;
    }
  }
}
