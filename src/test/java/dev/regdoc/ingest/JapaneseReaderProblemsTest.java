package dev.regdoc.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bench.SdlTraceWriter;
import dev.regdoc.ingest.BadInputTest.Run;
import dev.regdoc.testing.TestPcap;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the readers find wrong inside a file (a capture cut at a frame, a snap length, a link type,
 * clamped times, garbage and long lines in a log, a trace of another service, a date assumed) is
 * said in Japanese in a Japanese answer, as ingest's own file problems are: the answer's file list
 * holds no English words, only the files' names and the names of formats, products and commands.
 */
class JapaneseReaderProblemsTest {
  @TempDir Path dir;

  @Test
  void readerProblemsAndFileDescriptionsAreInJapanese() throws Exception {
    List<Path> files = badFiles();
    List<String> args = new ArrayList<>(List.of("analyze", "--lang", "ja"));
    files.forEach(f -> args.add(f.toString()));

    Run run = BadInputTest.cli(args.toArray(String[]::new));

    BadInputTest.noStackTrace(run);
    List<String> names =
        new ArrayList<>(files.stream().map(f -> f.getFileName().toString()).toList());
    names.add(ZIP_ENTRY);
    names.add(UNDATED_ENTRY);
    String[] lines = run.out().split("\n");
    int start = Arrays.asList(lines).indexOf("ファイル:");
    assertThat(start).as(run.all()).isNotNegative();
    List<String> fileList = Arrays.asList(lines).subList(start + 1, lines.length);
    // every reader's problem is there: the set covers them, not only ingest's own
    assertThat(fileList.stream().filter(l -> l.startsWith("    ! ")).count())
        .as(run.out())
        .isGreaterThanOrEqualTo(10);
    assertThat(fileList).allSatisfy(l -> assertThat(englishWords(l, names)).as(l).isEmpty());
  }

  /**
   * The timeline sits below the knowledge base; {@code timeline --lang ja} hands it the Japanese
   * words, so its file list marks a file not read or skipped, and says each problem, in Japanese.
   */
  @Test
  void theTimelinesFileListFollowsTheLanguage() throws Exception {
    List<Path> files = badFiles();
    List<String> args = new ArrayList<>(List.of("timeline", "--lang", "ja"));
    files.forEach(f -> args.add(f.toString()));

    Run run = BadInputTest.cli(args.toArray(String[]::new));

    BadInputTest.noStackTrace(run);
    assertThat(run.out()).contains("読み込めず").contains("対象外").doesNotContain("NOT READ");
    List<String> names =
        new ArrayList<>(files.stream().map(f -> f.getFileName().toString()).toList());
    names.add(ZIP_ENTRY);
    names.add(UNDATED_ENTRY);
    List<String> lines = Arrays.asList(run.out().split("\n"));
    List<String> problems =
        lines.subList(lines.indexOf("問題:") + 1, lines.size()).stream()
            .takeWhile(l -> l.startsWith("  - "))
            .toList();
    assertThat(problems).hasSizeGreaterThanOrEqualTo(10);
    assertThat(problems).allSatisfy(l -> assertThat(englishWords(l, names)).as(l).isEmpty());
  }

  /**
   * The timeline's own frame (its headings, the file counts, the clock line, the configuration and
   * anomaly sections) follows the language too; the events keep their protocol codes and summaries,
   * which are the wire's words.
   */
  @Test
  void theTimelinesHeadingsFollowTheLanguage() throws Exception {
    Path fixture = Path.of("src/test/resources/fixtures/case-study-2");
    List<String> args = new ArrayList<>(List.of("timeline"));
    for (String f : List.of("phone.pcap", "cucm.pcap", "switch-config.txt", "cucm-syslog.log")) {
      args.add(fixture.resolve(f).toString());
    }
    args.add(Files.write(dir.resolve("cucm.log"), damagedSyslog()).toString());
    List<String> english =
        List.of(
            "Files:",
            "lines,",
            "frames,",
            "Clock:",
            "segments matched by sequence number",
            "Configurations:",
            "Anomalies (",
            "Problems:");

    Run en = BadInputTest.cli(args.toArray(String[]::new));
    args.add(1, "--lang");
    args.add(2, "ja");
    Run ja = BadInputTest.cli(args.toArray(String[]::new));

    BadInputTest.noStackTrace(ja);
    assertThat(english).allSatisfy(w -> assertThat(en.out()).contains(w));
    assertThat(english).allSatisfy(w -> assertThat(ja.out()).doesNotContain(w));
    assertThat(ja.out())
        .contains("ファイル:")
        .contains("時計:")
        .contains("設定:")
        .contains("異常")
        .contains("問題:");
  }

  /** The words of {@code line} that are English, once the files' names are taken out. */
  static List<String> englishWords(String line, List<String> fileNames) {
    String rest = line;
    for (String n :
        fileNames.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      rest = rest.replace(n, " ");
    }
    return JapaneseFileStatusTest.englishWordsOf(rest);
  }

  static final String ZIP_ENTRY = "rtmt.zip!/cucm-pub/cm/trace/cti/sdl/SDL001_200_000003.txt";
  static final String UNDATED_ENTRY = "rtmt.zip!/cucm-pub/cm/trace/ccm/sdl/SDL001_100_000001.txt";

  /** One of each kind of damage a reader (not ingest) finds inside a file it could open. */
  List<Path> badFiles() throws Exception {
    List<Path> files = new ArrayList<>();
    TestPcap sip = new TestPcap();
    for (int i = 0; i < 6; i++) {
      sip.at(i).udp(TestPcap.PHONE, 5060, TestPcap.CUCM, 5060, BadInputTest.SIP_OPTIONS);
    }
    byte[] whole = Files.readAllBytes(sip.write(dir.resolve("whole.pcap")));
    Files.delete(dir.resolve("whole.pcap"));
    files.add(Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(whole, whole.length - 30)));
    byte[] frame = sip.frame(1);
    int snap = 14 + 20 + 8 + 20;
    files.add(
        new TestPcap.Raw(1, snap)
            .record(0, Arrays.copyOf(frame, snap), frame.length)
            .write(dir.resolve("snap.pcap")));
    files.add(new TestPcap.Raw(160, 65535).record(0, frame).write(dir.resolve("odd-link.pcap")));
    files.add(Files.write(dir.resolve("far-future.pcapng"), BadInputTest.farFuturePcapng()));
    files.add(Files.write(dir.resolve("empty.pcap"), new byte[0]));
    files.add(
        Files.writeString(
            dir.resolve("README.md"),
            "# Notes\n\nThese files were collected on the phone's switch port while it dropped to"
                + " the secondary. The capture was taken with tcpdump.\n"));
    files.add(Files.write(dir.resolve("cucm.log"), damagedSyslog()));
    files.add(Files.write(dir.resolve("rtmt.zip"), rtmtZip()));
    return files;
  }

  /**
   * CUCM syslog without a year, with binary garbage, bytes that are not UTF-8 and a line longer
   * than a record may be.
   */
  static byte[] damagedSyslog() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      s.append("Jan 10 10:00:1")
          .append(i)
          .append(" cucm1 ")
          .append(100 + i)
          .append(": %UC_CALLMANAGER-3-DeviceUnregistered: %[DeviceName=SEP001122334455]\n");
    }
    s.append("\u0000\u0001\u0002\u0003\u0000garbage\u0000\n");
    s.append("\u0000\u0001\u0002\u0003\u0000more\u0000\n");
    s.append("Jan 10 10:01:00 cucm1 200: ").append("x".repeat(70_000)).append('\n');
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(s.toString().getBytes(StandardCharsets.ISO_8859_1));
    bytes.writeBytes(
        "Jan 10 10:02:00 cucm1 201: %UC_CALLMANAGER-3-DeviceUnregistered: \u00ff\u00fe\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    return bytes.toByteArray();
  }

  /**
   * An RTMT download holding a CTIManager trace (not CallManager's) and a CallManager trace that
   * says no date (no FileHead line, no SIP Date header).
   */
  static byte[] rtmtZip() throws Exception {
    StringBuilder cti = new StringBuilder();
    new SdlTraceWriter(cti, 1, 1)
        .fileHead(
            new SdlTraceWriter.Node(
                "cucm-pub",
                "198.51.100.10",
                1,
                ZoneOffset.UTC,
                "CTIManager",
                200,
                LocalDateTime.of(2024, 1, 1, 0, 0)),
            LocalDateTime.of(2024, 8, 12, 9, 0),
            3)
        .signal(
            LocalTime.of(9, 0, 1),
            "CtiLineOpenRequest",
            "ready",
            "CTIDeviceLineMgr(1,200,25,1)",
            "CTIHandler(1,200,26,1)",
            "*");
    StringBuilder undated = new StringBuilder();
    SdlTraceWriter w = new SdlTraceWriter(undated, 1, 1);
    for (int i = 1; i <= 3; i++) {
      w.signal(
          LocalTime.of(9, 0, i),
          "StationInit",
          "ready",
          "StationInit(1,100,63,1)",
          "StationD(1,100,64,1)",
          "*");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry(ZIP_ENTRY.substring("rtmt.zip!/".length())));
      z.write(cti.toString().getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry(UNDATED_ENTRY.substring("rtmt.zip!/".length())));
      z.write(undated.toString().getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
