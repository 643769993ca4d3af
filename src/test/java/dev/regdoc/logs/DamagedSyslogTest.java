package dev.regdoc.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Garbage, binary bytes and huge lines: never an exception, always a sentence, readable lines still
 * read.
 */
class DamagedSyslogTest {

  private static final String GOOD_LINE =
      "*Sep 17 19:56:30.875: %LINEPROTO-5-UPDOWN: Line protocol on Interface Ethernet0/1, changed"
          + " state to down\n";

  @Test
  void textThatIsNotSyslogBecomesCountedAnomaliesQuotedAtMost120Chars() {
    String longJunk = "x".repeat(300);
    SyslogFixture r = SyslogFixture.read("hello world\n\n   \n" + longJunk + "\n" + GOOD_LINE);

    assertThat(r.summary.lines()).isEqualTo(5);
    assertThat(r.summary.unrecognised()).isEqualTo(2);
    assertThat(r.summary.recognised()).isEqualTo(1);
    assertThat(r.anomalies("syslog-unrecognised-line"))
        .extracting(a -> a.origin().line())
        .containsExactly(1L, 4L);
    String detail = r.anomalies("syslog-unrecognised-line").get(1).detail();
    assertThat(detail).contains("x".repeat(117) + "...").doesNotContain("x".repeat(118));
    assertThat(r.logs()).singleElement().satisfies(l -> assertThat(l.origin().line()).isEqualTo(5));
  }

  @Test
  void binaryBytesAreSkippedAsARangeAndTextAroundThemIsParsed() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(GOOD_LINE.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 3; i++) {
      bytes.write(
          new byte[] {0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, '\n'}); // ELF-like
    }
    bytes.write(
        new byte[] {
          (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0x80, '\n'
        }); // not UTF-8
    bytes.write(GOOD_LINE.getBytes(StandardCharsets.UTF_8));
    bytes.write(
        "caf\u00e9 ".getBytes(StandardCharsets.ISO_8859_1)); // one Latin-1 byte in a readable line
    bytes.write(GOOD_LINE.getBytes(StandardCharsets.UTF_8));

    SyslogFixture r =
        SyslogFixture.read(
            "damaged.log", LenientText.open(new ByteArrayInputStream(bytes.toByteArray())));

    assertThat(r.logs()).extracting(l -> l.origin().line()).containsExactly(1L, 6L, 7L);
    assertThat(r.summary.problems())
        .containsExactly(
            "lines 2-4 look like binary data (NUL bytes); skipped",
            "line 5 looks like binary data (mostly invalid UTF-8); skipped",
            "line 7 contains bytes that are not valid UTF-8 (shown as \uFFFD); parsed anyway");
    assertThat(r.anomalies("syslog-binary-data"))
        .extracting(a -> a.origin().line())
        .containsExactly(2L, 5L);
    assertThat(r.summary.unrecognised()).isZero();
  }

  @Test
  void controlCharactersAreReportedAsSuch() {
    String controls = "\u0001\u0002\u0003\u0004\u0005abc\u0006\u0007\u0008\n";
    SyslogFixture r = SyslogFixture.read(controls + GOOD_LINE);

    assertThat(r.summary.problems())
        .containsExactly("line 1 looks like binary data (control characters); skipped");
    assertThat(r.logs()).hasSize(1);
  }

  @Test
  void tenMegabyteLineIsCutAndReportedWithoutReadingItWhole() {
    long size = 10L * 1024 * 1024;
    Reader huge = new RepeatingReader('A', size, GOOD_LINE);

    SyslogFixture r = SyslogFixture.read("huge.log", huge);

    assertThat(r.summary.lines()).isEqualTo(2);
    assertThat(r.summary.problems())
        .containsExactly("line 1 is " + size + " characters long; only the first 65536 were read");
    assertThat(r.anomalies("syslog-line-too-long")).hasSize(1);
    assertThat(r.anomalies("syslog-unrecognised-line"))
        .singleElement()
        .satisfies(a -> assertThat(a.detail().length()).isLessThan(200));
    assertThat(r.logs()).singleElement().satisfies(l -> assertThat(l.origin().line()).isEqualTo(2));
  }

  @Test
  void relayRepeatNoticeIsNotAnError() {
    SyslogFixture r =
        SyslogFixture.read(GOOD_LINE + "Sep 17 19:56:31 sw1 last message repeated 3 times\n");

    assertThat(r.summary.recognised()).isEqualTo(2);
    assertThat(r.summary.unrecognised()).isZero();
    assertThat(r.facts)
        .hasSize(2); // the log and the once-per-file zone note; nothing for the notice
  }

  /**
   * {@code count} copies of one char, then a tail, produced on the fly (the test never holds 10
   * MB).
   */
  private static final class RepeatingReader extends Reader {
    private final char c;
    private long remaining;
    private final String tail;
    private int tailPos;

    RepeatingReader(char c, long count, String tail) {
      this.c = c;
      this.remaining = count;
      this.tail = "\n" + tail;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (remaining > 0) {
        int n = (int) Math.min(len, remaining);
        Arrays.fill(buf, off, off + n, c);
        remaining -= n;
        return n;
      }
      if (tailPos >= tail.length()) {
        return -1;
      }
      int n = Math.min(len, tail.length() - tailPos);
      tail.getChars(tailPos, tailPos + n, buf, off);
      tailPos += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
