package dev.regdoc.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Control and direction-override characters never reach a terminal, a page or Slack inside a name.
 */
class DisplayNamesTest {
  @Test
  void everyControlCharacterOfANameIsReplaced() {
    assertThat(
            DisplayNames.clean(
                "a\u0000b\u0007c\u0008d\td\ne\rf\u001bg\u007fh\u0080i\u009bj\u009fk"))
        .isEqualTo("a?b?c?d?d?e?f?g?h?i?j?k");
  }

  @Test
  void directionOverridesAndIsolatesAreReplaced() {
    assertThat(DisplayNames.clean("x\u202ey\u202dz\u2066w\u2069v\u200fu\u061ct\u2028s"))
        .isEqualTo("x?y?z?w?v?u?t?s");
  }

  @Test
  void ordinaryNamesAreKept() {
    String name = "SEP0024142DDF24 phone capture 電話機.pcapng bundle.zip!/cm/trace/x (1).log é";
    assertThat(DisplayNames.clean(name)).isSameAs(name);
    assertThat(DisplayNames.clean(null)).isNull();
  }

  @Test
  void textKeepsItsLineBreaksAndTabsButNothingElse() {
    assertThat(DisplayNames.cleanText("line 1\n\tline 2\r\n\u001b[2Jline 3\u202e"))
        .isEqualTo("line 1\n\tline 2\n?[2Jline 3?");
  }
}
