package dev.regdoc.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regdoc.bench.SdlTraceWriter;
import dev.regdoc.capture.CaptureReader;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.InputKind;
import dev.regdoc.facts.TraceFile;
import dev.regdoc.facts.TraceSip;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CallManager traces through the real ingestion: alone, gzip-compressed, and in an RTMT download
 * with a folder per node. Each file's status says what was read; a message cut by rotation is
 * joined whatever order the archive holds the files in; damage is named, never thrown.
 */
class CcmTraceIngestTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
  static final SdlTraceWriter.Node PUB =
      SdlTraceWriter.Node.callManager(
          "cucm-pub",
          "198.51.100.10",
          1,
          ZoneOffset.ofHours(-5),
          LocalDateTime.of(2024, 8, 1, 3, 0));

  @TempDir Path dir;
  final FactCollector facts = new FactCollector();

  List<FileReport> ingest(Path... files) {
    IngestService s =
        new IngestService(
            new CaptureReader(), TextReaders.defaults(CLOCK), IngestLimits.defaults());
    return s.ingest(Arrays.stream(files).map(InputFile::of).toList(), facts);
  }

  /** A file of {@code n} REGISTER refreshes with their 200 OK, 115 s apart, from {@code first}. */
  static String trace(LocalDateTime first, int n, long firstCseq) {
    StringBuilder out = new StringBuilder();
    SdlTraceWriter w = new SdlTraceWriter(out, 28_131_994, 101_339);
    w.fileHead(PUB, first.minusSeconds(1), 1262);
    LocalTime t = first.toLocalTime();
    for (int i = 0; i < n; i++) {
      w.signal(t, "SdlReadRsp", "wait", "SIPTcp(1,100,60,1)", "SdlTCPConnection(1,100,58,7)", "*");
      w.sipTcpIn(t, "192.0.2.45", 50708, 12386, register(firstCseq + i), false);
      w.sipTcpOut(t.plusNanos(4_000_000), "192.0.2.45", 50708, 12386, ok(firstCseq + i));
      w.timer(t.plusSeconds(1));
      t = t.plusSeconds(115);
    }
    return out.toString();
  }

  static String register(long cseq) {
    return "REGISTER sip:198.51.100.10 SIP/2.0\r\nVia: SIP/2.0/TCP 192.0.2.45:50708;branch=z9hG4bK"
        + cseq
        + "\r\nCall-ID: c1@192.0.2.45\r\nCSeq: "
        + cseq
        + " REGISTER\r\nContact: <sip:x@192.0.2.45:50708;transport=tcp>"
        + ";+u.sip!devicename.ccm.cisco.com=\"SEP0024142DDF24\"\r\nContent-Length: 0\r\n"
        + "Expires: 3600\r\n\r\n";
  }

  static String ok(long cseq) {
    return "SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP 192.0.2.45:50708;branch=z9hG4bK"
        + cseq
        + "\r\nCall-ID: c1@192.0.2.45\r\nCSeq: "
        + cseq
        + " REGISTER\r\nExpires: 120\r\nContent-Length: 0\r\n\r\n";
  }

  static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  Path zip(String name, Map<String, byte[]> entries) throws Exception {
    Path z = dir.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
      for (var e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return z;
  }

  @Test
  void aTraceFileIsReadAndItsStatusSaysWhatItHeld() throws Exception {
    Path f = dir.resolve("SDL001_100_000001.txt");
    Files.writeString(f, trace(LocalDateTime.of(2024, 8, 11, 21, 0), 3, 101));
    FileReport r = ingest(f).get(0);
    assertThat(r.kind()).isEqualTo(InputKind.CCM_TRACE);
    assertThat(r.read()).isTrue();
    assertThat(r.looksLike())
        .isEqualTo(
            "a Cisco CallManager SDL trace (node cucm-pub, 2024-08-11 20:59:59.000 to"
                + " 2024-08-11 21:03:51.000 UTC-05:00)");
    assertThat(r.counts())
        .containsEntry("sip", 6L)
        .containsEntry("sip-other", 0L)
        .containsEntry("sccp", 0L)
        .containsEntry("unrecognised", 0L);
    assertThat(r.problems()).isEmpty();
    assertThat(facts.of(TraceSip.class)).hasSize(6);
  }

  @Test
  void anRtmtDownloadIsReadPerNodeAndACutMessageIsJoinedAcrossItsFiles() throws Exception {
    // GIVEN cucm-pub's trace rotated inside a REGISTER, the files stored in reverse order, gzip'd
    String whole = trace(LocalDateTime.of(2024, 8, 11, 21, 0), 4, 101);
    int cut = whole.indexOf("CSeq: 103 REGISTER");
    String first = whole.substring(0, cut);
    String second =
        whole.lines().findFirst().get().replace("FileNumber: 1262", "FileNumber: 1263")
            + "\n"
            + whole.substring(cut);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("cucm-pub/cm/trace/ccm/sdl/SDL001_100_000002.txt.gz", gzip(second));
    entries.put("cucm-pub/cm/trace/ccm/sdl/SDL001_100_000001.txt.gz", gzip(first));
    entries.put(
        "cucm-sub/cm/trace/ccm/sdl/SDL002_100_000001.txt.gz",
        gzip(
            trace(LocalDateTime.of(2024, 8, 11, 21, 30), 1, 7)
                .replace("HostName: cucm-pub, ", "")));
    Path z = zip("rtmt.zip", entries);
    // WHEN ingested
    List<FileReport> reports = ingest(z);
    // THEN every trace file has its status; the REGISTER 103 is whole again
    assertThat(reports)
        .extracting(FileReport::file, FileReport::kind, r -> r.counts().get("sip"))
        .containsExactly(
            tuple(
                "rtmt.zip!/cucm-pub/cm/trace/ccm/sdl/SDL001_100_000002.txt.gz",
                InputKind.CCM_TRACE,
                3L),
            tuple(
                "rtmt.zip!/cucm-pub/cm/trace/ccm/sdl/SDL001_100_000001.txt.gz",
                InputKind.CCM_TRACE,
                4L),
            tuple(
                "rtmt.zip!/cucm-sub/cm/trace/ccm/sdl/SDL002_100_000001.txt.gz",
                InputKind.CCM_TRACE,
                2L),
            tuple("rtmt.zip", InputKind.ZIP, null));
    assertThat(reports).allSatisfy(r -> assertThat(r.problems()).isEmpty());
    assertThat(facts.of(TraceSip.class))
        .filteredOn(s -> s.message().request())
        .extracting(s -> s.message().cseq(), TraceSip::incomplete, TraceSip::node)
        .containsExactlyInAnyOrder(
            tuple(101L, false, "cucm-pub"),
            tuple(102L, false, "cucm-pub"),
            tuple(103L, false, "cucm-pub"),
            tuple(104L, false, "cucm-pub"),
            tuple(7L, false, "cucm-sub"));
    TraceSip joined =
        facts.of(TraceSip.class).stream().filter(s -> s.joinedFrom() != null).findFirst().get();
    assertThat(joined.message().deviceName()).isEqualTo("SEP0024142DDF24");
    assertThat(joined.origin().file()).endsWith("SDL001_100_000001.txt.gz");
    assertThat(facts.of(TraceFile.class)).extracting(TraceFile::node).contains("cucm-sub");
  }

  @Test
  void aTraceStillBeingWrittenIsReadUpToWhereItsGzipStreamEnds() throws Exception {
    // GIVEN the active file (.gzo): a gzip stream without its end
    byte[] gz = gzip(trace(LocalDateTime.of(2024, 8, 11, 21, 0), 40, 101));
    Path f = dir.resolve("SDL001_100_000009.txt.gzo");
    Files.write(f, Arrays.copyOf(gz, gz.length * 2 / 3));
    List<FileReport> reports = ingest(f);
    FileReport r = reports.get(reports.size() - 1);
    assertThat(r.kind()).isEqualTo(InputKind.CCM_TRACE);
    assertThat(r.read()).isTrue();
    assertThat(r.counts().get("sip")).isBetween(10L, 79L);
    assertThat(r.problems())
        .anyMatch(
            p ->
                p.startsWith("SDL001_100_000009.txt.gzo: the gzip stream ends early")
                    && p.contains("the part before the end was read"));
  }

  @Test
  void aTomcatLogIsNamedAsNotATraceWithoutAStackTrace() throws Exception {
    Path f = dir.resolve("catalina.out");
    Files.writeString(
        f,
        "2024-08-12 21:53:46,259 INFO [main] org.apache.catalina.startup."
            + "Catalina - Server startup"
            + " in 5123 ms\n"
            + "2024-08-12 21:53:47,001 WARN [http-bio-443-exec-1] AXL - slow query\n");
    FileReport r = ingest(f).get(0);
    assertThat(r.read()).isFalse();
    assertThat(r.problems())
        .singleElement()
        .asString()
        .startsWith(
            "catalina.out: is not something regdoc reads: it looks like text that is"
                + " neither Cisco syslog, a Cisco configuration nor a CallManager trace (it starts"
                + " \"2024-08-12 21:53:46,259 INFO");
  }

  @Test
  void aTraceInANodeFolderWithoutHeaderTakesItsNodeFromTheFolderAndSaysTheDateWasAssumed()
      throws Exception {
    String noHead = trace(LocalDateTime.of(2024, 8, 11, 21, 0), 2, 101);
    noHead = noHead.substring(noHead.indexOf('\n') + 1).replaceAll("(?m)^Date: .*\\n", "");
    Path z =
        zip(
            "dl.zip",
            Map.of(
                "192.0.2.10/2024-08-12_10-00-00/cm/trace/ccm/sdl/x.txt",
                noHead.getBytes(StandardCharsets.UTF_8)));
    FileReport r = ingest(z).get(0);
    assertThat(r.looksLike()).contains("node 192.0.2.10").contains("date assumed");
    assertThat(r.problems())
        .singleElement()
        .asString()
        .contains("its times were read as on 2026-01-01 UTC (assumed)");
  }
}
