package dev.regdoc.ccmtrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regdoc.bench.SdlTraceWriter;
import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileProblem;
import dev.regdoc.facts.TraceFile;
import dev.regdoc.facts.TraceSip;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Traces as they arrive damaged: lines cut or run together, a message cut by file rotation, mixed
 * line endings, bytes that are not UTF-8, a file without its header, a trace of another service.
 * Each gives a clear sentence and keeps what could be read.
 */
class DamagedTraceTest {
  static final String PUB = "rtmt.zip!/cucm-pub/cm/trace/ccm/sdl/";

  final FactCollector facts = new FactCollector();
  final TraceSession session = new TraceSession(facts);

  TraceSummary read(String name, String text) throws IOException {
    return new TraceReader(TraceReaderTest.CLOCK)
        .read(name, new BufferedReader(new StringReader(text)), session);
  }

  static TraceText twoRegistrations() {
    return new TraceText()
        .head(LocalDateTime.of(2024, 8, 12, 9, 0))
        .register(LocalTime.of(9, 0, 1), 101, 3600, false)
        .ok(LocalTime.of(9, 0, 1, 5_000_000), 101, 120)
        .register(LocalTime.of(9, 1, 56), 102, 3600, false)
        .ok(LocalTime.of(9, 1, 56, 5_000_000), 102, 120);
  }

  @Test
  void aBrokenLineIsNamedAndTheRecordsAroundItAreKept() throws IOException {
    // GIVEN a record cut in the middle of its time, and two writers' records run together
    String text =
        twoRegistrations()
            .line("28140000.000 |09:02:0")
            .line(
                "28140001.000 |09:02:0128140002.000 |09:02:01.100 |SdlSig   |DbObjectCacheTimer"
                    + " |wait |DbObjectCache(1,100,224,1) |SdlTimerService(1,100,3,1) |* |x")
            .timer(LocalTime.of(9, 2, 2))
            .toString();
    TraceSummary s = read(PUB + "SDL001_100_000001.txt.gz", text);
    session.finish();
    assertThat(facts.of(TraceSip.class)).hasSize(4);
    assertThat(s.broken()).isEqualTo(1);
    assertThat(s.records()).isEqualTo(11); // the second of the two run together was read
    assertThat(s.problems())
        .containsExactly(
            "line 52 starts like a trace record but is cut; skipped",
            "line 53 holds a record cut short and run together with the next one; the next one"
                + " was read");
    assertThat(facts.of(Anomaly.class))
        .extracting(Anomaly::code)
        .contains("trace-broken-line", "trace-lines-run-together");
  }

  @Test
  void aMessageAnotherWriterBrokeIntoIsJoinedBack() throws IOException {
    // GIVEN a REGISTER whose head is interrupted by another thread's record
    String full = TraceText.register(103, 3600, false);
    String[] lines = full.split("\r\n", -1);
    TraceText t = new TraceText().head(LocalDateTime.of(2024, 8, 12, 9, 0));
    t.w.info(
        LocalTime.of(9, 0, 1),
        SdlTraceWriter.incomingTcp(TraceText.PHONE_IP, 50708, 12386, full.length(), false));
    t.line("[5,NET]");
    for (int i = 0; i < 5; i++) {
      t.line(lines[i]);
    }
    t.timer(LocalTime.of(9, 0, 1));
    for (int i = 5; i < lines.length - 1; i++) {
      t.line(lines[i]);
    }
    t.timer(LocalTime.of(9, 0, 2));
    TraceSummary s = read(PUB + "SDL001_100_000001.txt.gz", t.toString());
    session.finish();
    TraceSip r = facts.of(TraceSip.class).get(0);
    assertThat(r.message().cseq()).isEqualTo(103);
    assertThat(r.message().deviceName()).isEqualTo("SEP0024142DDF24");
    assertThat(r.message().expiresHeader()).isEqualTo(3600);
    assertThat(r.incomplete()).isFalse();
    assertThat(s.problems())
        .contains(
            "1 SIP message was broken into by other lines (first at line 10) and joined back");
  }

  /** A REGISTER cut by rotation after its sixth line: the end of file 7, the top of file 8. */
  static String[] rotatedPair() {
    String full = TraceText.register(104, 3600, false);
    String[] lines = full.split("\r\n", -1);
    TraceText a = new TraceText().head(LocalDateTime.of(2024, 8, 12, 9, 0));
    a.register(LocalTime.of(9, 0, 1), 103, 3600, false);
    a.w.info(
        LocalTime.of(9, 1, 56),
        SdlTraceWriter.incomingTcp(TraceText.PHONE_IP, 50708, 12386, full.length(), false));
    a.line("[7,NET]");
    for (int i = 0; i < 6; i++) {
      a.line(lines[i]);
    }
    TraceText b = new TraceText().head(LocalDateTime.of(2024, 8, 12, 9, 1, 56));
    for (int i = 6; i < lines.length - 1; i++) {
      b.line(lines[i]);
    }
    b.ok(LocalTime.of(9, 1, 56, 5_000_000), 104, 120);
    return new String[] {a.toString(), b.toString()};
  }

  @Test
  void aMessageCutByRotationIsJoinedWithTheTopOfTheNextFileInEitherOrder() throws IOException {
    for (boolean reversed : new boolean[] {false, true}) {
      FactCollector c = new FactCollector();
      TraceSession s = new TraceSession(c);
      String[] pair = rotatedPair();
      String[] names = {PUB + "SDL001_100_000007.txt.gz", PUB + "SDL001_100_000008.txt.gz"};
      TraceReader reader = new TraceReader(TraceReaderTest.CLOCK);
      for (int k = 0; k < 2; k++) {
        int i = reversed ? 1 - k : k;
        reader.read(names[i], new BufferedReader(new StringReader(pair[i])), s);
      }
      Map<String, List<String>> notes = texts(s.finish());
      assertThat(notes).as("reversed %s", reversed).isEmpty();
      assertThat(c.of(TraceSip.class))
          .as("reversed %s", reversed)
          .extracting(
              r -> r.message().cseq(),
              r -> r.message().request(),
              TraceSip::joinedFrom,
              TraceSip::incomplete,
              r -> r.origin().file())
          .containsExactlyInAnyOrder(
              tuple(103L, true, null, false, names[0]),
              tuple(104L, true, names[1], false, names[0]),
              tuple(104L, false, null, false, names[1]));
      TraceSip joined =
          c.of(TraceSip.class).stream().filter(r -> r.joinedFrom() != null).findFirst().get();
      assertThat(joined.message().deviceName()).isEqualTo("SEP0024142DDF24");
      assertThat(joined.message().expiresHeader()).isEqualTo(3600);
      assertThat(joined.messageNumber()).isEqualTo(7);
    }
  }

  @Test
  void aCutMessageWhoseRestWasNotGivenIsKeptAndSaidIncomplete() throws IOException {
    String[] pair = rotatedPair();
    read(PUB + "SDL001_100_000007.txt.gz", pair[0]);
    Map<String, List<String>> notes = texts(session.finish());
    TraceSip cut = facts.of(TraceSip.class).get(1);
    assertThat(cut.incomplete()).isTrue();
    assertThat(cut.message().callId()).isEqualTo(TraceText.CALL_ID);
    assertThat(notes.get(PUB + "SDL001_100_000007.txt.gz"))
        .containsExactly(
            "ends inside a SIP message (line 16): its rest would be at the top of cucm-pub's"
                + " next trace file, which was not given; the part read is kept");
  }

  @Test
  void theTopOfAFileWhosePreviousFileWasNotGivenIsNamed() throws IOException {
    read(PUB + "SDL001_100_000008.txt.gz", rotatedPair()[1]);
    Map<String, List<String>> notes = texts(session.finish());
    assertThat(notes.get(PUB + "SDL001_100_000008.txt.gz"))
        .singleElement()
        .asString()
        .startsWith(
            "its first 5 lines (from line 2) end a SIP message begun in cucm-pub's previous");
  }

  @Test
  void mixedLineEndingsReadTheSame() throws IOException {
    String lf = twoRegistrations().toString();
    StringBuilder mixed = new StringBuilder();
    String[] lines = lf.split("\n", -1);
    for (int i = 0; i < lines.length - 1; i++) {
      mixed.append(lines[i]).append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r");
    }
    read(PUB + "SDL001_100_000001.txt.gz", mixed.toString());
    List<TraceSip> got = facts.of(TraceSip.class);
    FactCollector plain = new FactCollector();
    new TraceReader(TraceReaderTest.CLOCK)
        .read(PUB + "SDL001_100_000001.txt.gz", new BufferedReader(new StringReader(lf)), plain);
    assertThat(got)
        .extracting(r -> r.message().cseq(), r -> r.message().status(), r -> r.origin().line())
        .containsExactlyElementsOf(
            plain.of(TraceSip.class).stream()
                .map(r -> tuple(r.message().cseq(), r.message().status(), r.origin().line()))
                .toList());
    assertThat(got).hasSize(4);
  }

  @Test
  void bytesThatAreNotUtf8AreNamedAndTheLineIsStillRead() throws IOException {
    String text = twoRegistrations().toString().replace("Cisco-CP8961", "Cisco-\u00ffCP8961");
    byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1); // 0xff alone: not UTF-8
    TraceSummary s =
        new TraceReader(TraceReaderTest.CLOCK)
            .read(PUB + "SDL001_100_000001.txt.gz", new ByteArrayInputStream(latin1), session);
    assertThat(facts.of(TraceSip.class)).hasSize(4);
    // SIP is read from its bytes as ISO-8859-1, as the capture reader reads it
    assertThat(facts.of(TraceSip.class).get(0).message().userAgent())
        .isEqualTo("Cisco-\u00ffCP8961/9.4.2");
    assertThat(s.problems())
        .contains(
            "line 11 holds bytes that are not valid UTF-8; read anyway",
            "line 36 holds bytes that are not valid UTF-8; read anyway");
  }

  @Test
  void withoutAHeaderTheDateAndZoneComeFromCucmsOwnDateHeader() throws IOException {
    // the file lost its first lines: no FileHead; the 200 OK says 02:53:46 GMT at 08:23:46 local
    String text =
        new TraceText()
            .timer(LocalTime.of(8, 23, 40))
            .register(LocalTime.of(8, 23, 46), 101, 3600, false)
            .ok(LocalTime.of(8, 23, 46, 5_000_000), 101, 120)
            .toString();
    TraceSummary s = read(PUB + "SDL001_100_000001.txt.gz", text);
    assertThat(s.file().dating()).isEqualTo(TraceFile.Dating.SIP_DATE);
    assertThat(s.file().zone()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
    assertThat(facts.of(TraceSip.class).get(1).time().toString())
        .isEqualTo("2024-08-12T02:53:46.005Z");
    assertThat(s.problems())
        .containsExactly(
            "has no FileHead line: its date and UTC offset (+05:30) were taken from the Date"
                + " header of the SIP message CUCM sent at line 17");
  }

  @Test
  void aTraceOfAnotherServiceSaysSo() throws IOException {
    StringBuilder out = new StringBuilder();
    var w = new SdlTraceWriter(out, 1, 1);
    w.fileHead(
        new SdlTraceWriter.Node(
            "cucm-pub",
            "198.51.100.10",
            1,
            ZoneOffset.UTC,
            "CTIManager",
            200,
            LocalDateTime.of(2024, 1, 1, 0, 0)),
        LocalDateTime.of(2024, 8, 12, 9, 0),
        3);
    w.signal(
        LocalTime.of(9, 0, 1),
        "CtiLineOpenRequest",
        "ready",
        "CTIDeviceLineMgr(1,200,25,1)",
        "CTIHandler(1,200,26,1)",
        "*");
    TraceSummary s =
        read("x.zip!/cucm-pub/cm/trace/cti/sdl/SDL001_200_000003.txt.gz", out.toString());
    assertThat(s.description())
        .startsWith("an SDL trace of CTIManager (AppId 200) (node cucm-pub, ");
    assertThat(s.problems())
        .containsExactly(
            "is a trace of CTIManager (AppId 200), not of Cisco CallManager: phone registrations"
                + " are only in CallManager's trace (RTMT: Trace & Log Central, Collect Files,"
                + " Cisco CallManager)");
  }

  @Test
  void binaryLinesAreSkippedAndNamed() throws IOException {
    String text = twoRegistrations().toString();
    int cut = text.indexOf("28131998");
    String damaged =
        text.substring(0, cut) + "\u0000\u0001\u0002garbage\u0003\n" + text.substring(cut);
    TraceSummary s = read(PUB + "SDL001_100_000001.txt.gz", damaged);
    assertThat(facts.of(TraceSip.class)).hasSize(4);
    assertThat(s.problems()).anyMatch(p -> p.endsWith("looks like binary data, not text; skipped"));
  }

  /** The English sentences of each file's notes. */
  static Map<String, List<String>> texts(Map<String, List<FileProblem>> notes) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    notes.forEach((f, ps) -> out.put(f, ps.stream().map(FileProblem::text).toList()));
    return out;
  }
}
