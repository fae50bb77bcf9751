package org.uprengage.webapi.page.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class WordDiffTest {

  @Test
  void wordsKeptRemovedAndAddedInReadingOrder() {
    assertThat(
            WordDiff.of(
                "Children are registered at birth in most regions",
                "Children are  registered\nat birth in 2024 in every region"))
        .extracting(WordDiff.Part::kind, WordDiff.Part::text)
        .containsExactly(
            tuple("same", "Children are registered at birth in"),
            tuple("added", "2024 in every region"),
            tuple("removed", "most regions"));
  }

  @Test
  void aMiddleTooLongToMatchIsShownRemovedThenAddedWhole() {
    String before = "start " + "a ".repeat(2_100) + "end";
    String after = "start " + "b ".repeat(2_100) + "end";
    assertThat(WordDiff.of(before, after))
        .extracting(WordDiff.Part::kind)
        .containsExactly("same", "removed", "added", "same");
  }

  @Test
  void nothingBeforeIsAllAdded() {
    assertThat(WordDiff.of(null, "New text"))
        .containsExactly(new WordDiff.Part("added", "New text"));
    assertThat(WordDiff.of("Same", "Same")).containsExactly(new WordDiff.Part("same", "Same"));
  }
}
