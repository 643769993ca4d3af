package dev.regdoc.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regdoc.capture.CaptureReader;
import dev.regdoc.cli.Main;
import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.InputKind;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TextReader;
import dev.regdoc.facts.TextSummary;
import dev.regdoc.testing.RealData;
import dev.regdoc.testing.TestPcap;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gets a report naming the file and the problem, keeps what could be read,
 * and never lets an exception or stack trace out (IngestService, and Main.run for the exit code).
 */
class BadInputTest {
  @TempDir Path dir;

  static final String SCCP_REGISTER = "russo-collab/sccp_phone_register.pcapng";

  /** A text reader for the tests: counts lines, so that archive walking can be observed. */
  static final TextReader LINES =
      (file, in, sink) -> {
        long n = in.lines().count();
        return new TextSummary(n, n, 0, List.of());
      };

  final FactCollector facts = new FactCollector();

  List<FileReport> ingest(IngestLimits limits, Path... files) {
    IngestService s =
        new IngestService(new CaptureReader(), Map.of(InputKind.SYSLOG, LINES), limits);
    return s.ingest(Arrays.stream(files).map(InputFile::of).toList(), facts);
  }

  List<FileReport> ingest(Path... files) {
    return ingest(IngestLimits.defaults(), files);
  }

  FileReport one(Path file) {
    List<FileReport> r = ingest(file);
    assertThat(r).hasSize(1);
    return r.get(0);
  }

  Path write(String name, byte[] content) throws Exception {
    return Files.write(dir.resolve(name), content);
  }

  /** Runs the CLI with stdout and stderr captured; returns exit code and both outputs. */
  record Run(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Run cli(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  static void noStackTrace(Run r) {
    assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  // ---------------------------------------------------------------- not a capture at all

  @Test
  void zeroLengthFile() throws Exception {
    Path f = write("empty.pcap", new byte[0]);
    FileReport r = one(f);
    assertThat(r.kind()).isEqualTo(InputKind.EMPTY);
    assertThat(r.read()).isFalse();
    assertThat(r.problems())
        .singleElement()
        .asString()
        .startsWith("empty.pcap: ")
        .contains("an empty file (0 bytes)");
    Run run = cli("timeline", f.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.all())
        .contains("empty.pcap: is not something regdoc reads")
        .contains("empty file (0 bytes)");
    noStackTrace(run);
  }

  @Test
  void wrongMagic() throws Exception {
    byte[] random = new byte[4096];
    new Random(42).nextBytes(random);
    random[0] = 0x13; // not any known magic
    Path rnd = write("random.bin", random);
    Path pdf =
        write(
            "capture.pcap",
            "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\n"
                .getBytes(StandardCharsets.ISO_8859_1));
    Path txt =
        write(
            "notes.txt",
            "Phone keeps unregistering every 30 minutes.\nCalled TAC.\n"
                .getBytes(StandardCharsets.UTF_8));
    List<FileReport> r = ingest(rnd, pdf, txt);
    assertThat(r)
        .extracting(FileReport::file, FileReport::kind, FileReport::read)
        .containsExactly(
            tuple("random.bin", InputKind.UNKNOWN, false),
            tuple("capture.pcap", InputKind.UNKNOWN, false),
            tuple("notes.txt", InputKind.OTHER_TEXT, false));
    assertThat(r.get(0).problems())
        .singleElement()
        .asString()
        .startsWith("random.bin: ")
        .contains("binary data of an unknown kind (first bytes 13");
    assertThat(r.get(1).problems())
        .singleElement()
        .asString()
        .startsWith("capture.pcap: ")
        .contains("a PDF document");
    assertThat(r.get(2).problems()).isEmpty();
    assertThat(r.get(2).skipped()).isTrue();
    Run run = cli("timeline", rnd.toString(), pdf.toString(), txt.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.all())
        .contains("random.bin: ")
        .contains("capture.pcap: ")
        .contains("notes.txt  [not a log or configuration]  skipped")
        .doesNotContain("notes.txt: ");
    noStackTrace(run);
  }

  /**
   * A fixture folder's README among the files ({@code analyze case-study-2/*}) quotes Cisco message
   * names in prose: it is named as what it is, quietly, and never as syslog that could not be read.
   */
  @Test
  void aReadmeAmongTheFilesIsNamedAsNotALogAndSkippedQuietly() throws Exception {
    Path readme =
        write(
            "README.md",
            ("# case study\n\nFiles\n- `cucm-syslog.log`: EndPointUnregistered Reason=13 on"
                    + " cucm-pub\n- the switch logs %PORT_SECURITY-2-PSECURE_VIOLATION: when it"
                    + " drops a frame\n\nThe refresh at 22:41:55 is lost.\n")
                .getBytes(StandardCharsets.UTF_8));
    Path log =
        write(
            "cucm.log",
            ("Jul 15 22:41:55 cucm-pub %UC_CALLMANAGER-3-EndPointUnregistered:"
                    + " %[DeviceName=SEP0024142DDF24][Reason=13]\n")
                .getBytes(StandardCharsets.UTF_8));
    List<FileReport> r = ingest(readme, log);
    assertThat(r)
        .extracting(FileReport::file, FileReport::kind, FileReport::looksLike, FileReport::problems)
        .containsExactly(
            tuple("README.md", InputKind.OTHER_TEXT, "not a log or configuration", List.of()),
            tuple("cucm.log", InputKind.SYSLOG, "syslog text (Cisco messages)", List.of()));
    Path fixture = Path.of("src/test/resources/fixtures/case-study-2");
    Run run =
        cli(
            "analyze",
            fixture.resolve("README.md").toString(),
            fixture.resolve("switch-config.txt").toString());
    assertThat(run.out())
        .contains("README.md (not a log or configuration: skipped)\n")
        .doesNotContain("NOT READ")
        .doesNotContain("README.md: ");
    noStackTrace(run);
  }

  // ---------------------------------------------------------------- truncated captures

  /** A real capture as classic pcap (cm_cap holds RegisterReq at frame 31, RegisterAck at 33). */
  static final String PCAP = "pyskinny/vphone_hold_unhold.pcap";

  @Test
  void truncatedInsideTheFileHeader() throws Exception {
    byte[] whole = Files.readAllBytes(RealData.pcap(PCAP));
    Path f = write("cut-header.pcap", Arrays.copyOf(whole, 10));
    FileReport r = one(f);
    assertThat(r.kind()).isEqualTo(InputKind.PCAP);
    assertThat(r.read()).isFalse();
    assertThat(r.problems())
        .singleElement()
        .asString()
        .startsWith("cut-header.pcap: ")
        .contains("libpcap cannot open it")
        .contains("truncated");
  }

  @Test
  void truncatedInsideARecordHeader() throws Exception {
    byte[] whole = Files.readAllBytes(RealData.pcap(PCAP));
    int end = 24;
    for (int i = 0; i < 5; i++) { // keep 5 whole records
      end += 16 + ByteBuffer.wrap(whole, end + 8, 4).order(order(whole)).getInt();
    }
    Path f = write("cut-record-header.pcap", Arrays.copyOf(whole, end + 8));
    FileReport r = one(f);
    assertThat(r.read()).isTrue();
    assertThat(r.counts()).containsEntry("frames", 5L);
    assertThat(r.problems())
        .singleElement()
        .asString()
        .startsWith("cut-record-header.pcap: reading stopped at frame 6: ")
        .contains("the 5 frames before it were read");
  }

  @Test
  void truncatedInsideAPacketKeepsTheFramesBefore() throws Exception {
    // pcapng: RegisterReq is frame 4, RegisterAck frame 5; cut the file in the middle of frame 12
    byte[] whole = Files.readAllBytes(RealData.pcap(SCCP_REGISTER));
    long[] ends = pcapngPacketEnds(whole);
    int cut = (int) (ends[10] + 40); // 40 bytes into the block of frame 12
    Path f = write("cut-packet.pcapng", Arrays.copyOf(whole, cut));
    FileReport r = one(f);
    assertThat(r.read()).isTrue();
    assertThat(r.counts()).containsEntry("frames", 11L);
    assertThat(r.problems())
        .singleElement()
        .asString()
        .startsWith("cut-packet.pcapng: reading stopped at frame 12: ")
        .contains("the 11 frames before it were read");
    assertThat(facts.of(SccpMessage.class))
        .extracting(m -> m.origin().frame(), SccpMessage::name)
        .contains(tuple(4L, "RegisterReq"), tuple(5L, "RegisterAck"))
        .allSatisfy(t -> assertThat((Long) t.toArray()[0]).isLessThanOrEqualTo(11L));

    Run run = cli("timeline", f.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.all()).contains("cut-packet.pcapng: reading stopped at frame 12");
    noStackTrace(run);
  }

  @Test
  void absurdRecordLength() throws Exception {
    // frame 1 is sound; frame 2's record header claims 0x53fe6000 captured bytes
    Path fuzz = RealData.pcap("malformed/fuzz.pcap");
    FileReport r = one(fuzz);
    assertThat(r.read()).isTrue();
    assertThat(r.counts()).containsEntry("frames", 1L);
    assertThat(r.problems())
        .singleElement()
        .asString()
        .isEqualTo(
            "fuzz.pcap: reading stopped at frame 2: invalid packet capture length 1409179648,"
                + " bigger than snaplen of 65535; the frame before it was read");
    Run run = cli("timeline", fuzz.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.all())
        .contains(
            "fuzz.pcap: reading stopped at frame 2: invalid packet capture length 1409179648");
    noStackTrace(run);
  }

  @Test
  void snapLengthCutSipFrames() throws Exception {
    String register =
        "REGISTER sip:10.1.1.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 10.1.1.10:5060\r\n"
            + "Call-ID: cut@10.1.1.10\r\n"
            + "CSeq: 5 REGISTER\r\n"
            + "Contact:"
            + " <sip:5678@10.1.1.10:5060>;+u.sip!devicename.ccm.cisco.com=\"SEP001122334455\"\r\n"
            + "Expires: 3600\r\n"
            + "Content-Length: 0\r\n\r\n";
    TestPcap frames =
        new TestPcap()
            .udp(TestPcap.PHONE, 5060, TestPcap.CUCM, 5060, register)
            .udp(TestPcap.PHONE, 5060, TestPcap.CUCM, 5060, register.replace("CSeq: 5", "CSeq: 6"));
    byte[] f1 = frames.frame(1);
    byte[] f2 = frames.frame(2);
    int snap =
        14 + 20 + 8 + 130; // Ethernet + IP + UDP + the first 130 bytes of SIP: cut inside Contact
    Path f =
        new TestPcap.Raw(1, snap)
            .record(0, Arrays.copyOf(f1, snap), f1.length)
            .record(1, Arrays.copyOf(f2, snap), f2.length)
            .write(dir.resolve("snap.pcap"));
    FileReport r = one(f);
    assertThat(r.read()).isTrue();
    assertThat(r.problems())
        .singleElement()
        .asString()
        .isEqualTo(
            "snap.pcap: 2 frames were cut by the capture's snap length; messages in them may be"
                + " incomplete (capture with a larger snap length, e.g. tcpdump -s 0)");
    // the cut Contact line is incomplete, not malformed: it is left out (no device name), nothing
    // else is lost
    assertThat(facts.of(SipMessage.class))
        .extracting(
            SipMessage::cseq, SipMessage::callId, SipMessage::deviceName, SipMessage::anomalies)
        .containsExactly(
            tuple(5L, "cut@10.1.1.10", null, List.of("sip-cut-by-capture")),
            tuple(6L, "cut@10.1.1.10", null, List.of("sip-cut-by-capture")));
    assertThat(facts.of(SipMessage.class).get(0).tcpLength()).isEqualTo(register.length());
    assertThat(facts.of(Anomaly.class))
        .extracting(Anomaly::code)
        .containsExactly("sip-cut-by-capture", "sip-cut-by-capture");
  }

  // ---------------------------------------------------------------- link types

  @Test
  void unsupportedLinkType() throws Exception {
    FileReport r = one(RealData.pcap("malformed/unsupported-link-type-160.pcap"));
    assertThat(r.read()).isTrue(); // the file is sound; it has 1 frame regdoc cannot decode
    assertThat(r.problems())
        .singleElement()
        .asString()
        .startsWith(
            "unsupported-link-type-160.pcap: link type 160 is not a link type regdoc decodes")
        .contains("nothing was read");
    assertThat(facts.count()).isZero();
  }

  @Test
  void pcapngWithTwoInterfacesOfDifferentLinkTypes() throws Exception {
    // as mergecap writes it: both interfaces first (0 Ethernet, 1 raw IP), then frame 1 on 0, frame
    // 2 on 1
    Path f = write("merged.pcapng", twoLinkPcapng(false));
    FileReport r = one(f);
    assertThat(r.read()).isFalse();
    assertThat(r.looksLike()).isEqualTo("pcapng, ETHERNET (1), RAW (101)");
    assertThat(r.problems())
        .singleElement()
        .asString()
        .isEqualTo(
            "merged.pcapng: reading stopped at frame 1: pcapng interface 1 has RAW (101) but"
                + " interface 0 has ETHERNET (1); libpcap cannot read a file whose interfaces"
                + " differ in link type. Split it per interface (e.g. tshark -r FILE -Y"
                + " frame.interface_id==1 -w part.pcapng); no frame could be read");
  }

  @Test
  void pcapngWhoseSecondInterfaceComesAfterTheFirstFrame() throws Exception {
    Path f = write("late-interface.pcapng", twoLinkPcapng(true));
    FileReport r = one(f);
    assertThat(r.read()).isTrue();
    assertThat(r.counts()).containsEntry("frames", 1L);
    assertThat(r.problems())
        .singleElement()
        .asString()
        .startsWith(
            "late-interface.pcapng: reading stopped at frame 2: pcapng interface 1 has RAW (101)"
                + " but interface 0 has ETHERNET (1)")
        .endsWith("the frame before it was read");
    assertThat(facts.of(SipMessage.class))
        .extracting(m -> m.origin().frame(), SipMessage::method)
        .containsExactly(tuple(1L, "OPTIONS"));
  }

  /** Interface 0 Ethernet, interface 1 raw IP; frame 1 (SIP OPTIONS) on 0, frame 2 on 1. */
  static byte[] twoLinkPcapng(boolean secondInterfaceAfterFirstFrame) {
    TestPcap t = new TestPcap().udp(TestPcap.PHONE, 5060, TestPcap.CUCM, 5060, SIP_OPTIONS);
    byte[] eth = t.frame(1);
    byte[] rawIp = Arrays.copyOfRange(eth, 14, eth.length);
    ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0x0A0D0D0A)
        .putInt(28)
        .putInt(0x1A2B3C4D)
        .putShort((short) 1)
        .putShort((short) 0)
        .putLong(-1)
        .putInt(28);
    idb(b, 1);
    if (!secondInterfaceAfterFirstFrame) {
      idb(b, 101);
    }
    epb(b, 0, eth);
    if (secondInterfaceAfterFirstFrame) {
      idb(b, 101);
    }
    epb(b, 1, rawIp);
    return Arrays.copyOf(b.array(), b.position());
  }

  @Test
  void pcapngTimesThatNoCalendarCanHoldAreClampedAndReported() throws Exception {
    // if_tsresol 10^0 (whole seconds) and a timestamp in nanoseconds: libpcap hands over 1.7e18
    // seconds
    Path f = write("far-future.pcapng", farFuturePcapng());
    FileReport r = one(f);
    assertThat(r.read()).isTrue();
    assertThat(r.problems())
        .singleElement()
        .asString()
        .isEqualTo(
            "far-future.pcapng: 1 frames have a time before 1970 or after 2262, which cannot be"
                + " right; they are shown at the nearest of those and their times are unreliable");
    assertThat(facts.of(SipMessage.class))
        .singleElement()
        .satisfies(m -> assertThat(m.time()).isEqualTo(Instant.ofEpochSecond(0, Long.MAX_VALUE)));
  }

  /**
   * One SIP frame in a pcapng whose if_tsresol is 10^0 (whole seconds) and whose timestamp is in
   * nanoseconds: libpcap hands over 1.7e18 seconds.
   */
  static byte[] farFuturePcapng() {
    TestPcap t = new TestPcap().udp(TestPcap.PHONE, 5060, TestPcap.CUCM, 5060, SIP_OPTIONS);
    byte[] eth = t.frame(1);
    ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0x0A0D0D0A)
        .putInt(28)
        .putInt(0x1A2B3C4D)
        .putShort((short) 1)
        .putShort((short) 0)
        .putLong(-1)
        .putInt(28);
    b.putInt(1).putInt(32).putShort((short) 1).putShort((short) 0).putInt(65535);
    b.putShort((short) 9)
        .putShort((short) 1)
        .put(new byte[] {0, 0, 0, 0})
        .putInt(0)
        .putInt(32); // if_tsresol, end
    int padded = (eth.length + 3) & ~3;
    b.putInt(6)
        .putInt(32 + padded)
        .putInt(0)
        .putInt(0x183ce7c7)
        .putInt(0x9b204000)
        .putInt(eth.length)
        .putInt(eth.length);
    b.put(eth).put(new byte[padded - eth.length]).putInt(32 + padded);
    return Arrays.copyOf(b.array(), b.position());
  }

  static final String SIP_OPTIONS =
      "OPTIONS sip:10.1.1.1 SIP/2.0\r\n"
          + "Call-ID: o@x\r\n"
          + "CSeq: 1 OPTIONS\r\n"
          + "Content-Length: 0\r\n\r\n";

  private static void idb(ByteBuffer b, int linkType) {
    b.putInt(1).putInt(20).putShort((short) linkType).putShort((short) 0).putInt(65535).putInt(20);
  }

  private static void epb(ByteBuffer b, int iface, byte[] data) {
    int padded = (data.length + 3) & ~3;
    int len = 32 + padded;
    b.putInt(6)
        .putInt(len)
        .putInt(iface)
        .putInt(0x00060000)
        .putInt(0)
        .putInt(data.length)
        .putInt(data.length);
    b.put(data).put(new byte[padded - data.length]).putInt(len);
  }

  // ---------------------------------------------------------------- compressed and archived

  @Test
  void gzipCompressedPcapAndPcapngGiveTheSameFacts() throws Exception {
    for (String rel : List.of(PCAP, SCCP_REGISTER, "ndpi/sip_hello.pcapng")) {
      Path plain = RealData.pcap(rel);
      Path gz = dir.resolve(plain.getFileName().toString());
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
        Files.copy(plain, out);
      }
      FactCollector a = new FactCollector();
      FactCollector b = new FactCollector();
      IngestService s = new IngestService(new CaptureReader(), Map.of(), IngestLimits.defaults());
      FileReport ra = s.ingest(List.of(InputFile.of(plain)), a).get(0);
      FileReport rb = s.ingest(List.of(InputFile.of(gz)), b).get(0);
      assertThat(Files.readAllBytes(gz)[0]).isEqualTo((byte) 0x1f);
      assertThat(rb).as(rel).isEqualTo(ra);
      assertThat(rb.read()).isTrue();
      assertThat(b.all()).as(rel).isNotEmpty().isEqualTo(a.all());
    }
  }

  @Test
  void rtmtLikeZipIsWalkedEntryByEntry() throws Exception {
    Path zip = dir.resolve("bundle.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new ZipEntry("cm/"));
      z.putNextEntry(new ZipEntry("cm/trace/"));
      z.putNextEntry(new ZipEntry("cm/trace/sniffer/"));
      z.putNextEntry(new ZipEntry("cm/trace/sniffer/sniffer.pcapng"));
      z.write(Files.readAllBytes(RealData.pcap(SCCP_REGISTER)));
      z.putNextEntry(new ZipEntry("cm/log/syslog/CiscoSyslog"));
      z.write(
          ("Jan 10 10:00:00 cucm1 local7 3 : 1: cucm1: Jan 10 2024 10:00:00.123 UTC :"
                  + " %UC_CALLMANAGER-3-EndPointUnregistered:"
                  + " %[DeviceName=SEP002155D548AC][Reason=13]: Endpoint unregistered\n"
                  + "Jan 10 10:00:05 cucm1 local7 6 : 2: cucm1: Jan 10 2024 10:00:05.000 UTC :"
                  + " %UC_CALLMANAGER-6-EndPointRegistered: %[DeviceName=SEP002155D548AC]: Endpoint"
                  + " registered\n")
              .getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("cm/readme.pdf"));
      z.write("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
    }
    List<FileReport> r = ingest(zip);
    assertThat(r)
        .extracting(FileReport::file, FileReport::kind, FileReport::read)
        .containsExactly(
            tuple("bundle.zip!/cm/trace/sniffer/sniffer.pcapng", InputKind.PCAPNG, true),
            tuple("bundle.zip!/cm/log/syslog/CiscoSyslog", InputKind.SYSLOG, true),
            tuple("bundle.zip!/cm/readme.pdf", InputKind.UNKNOWN, false),
            tuple("bundle.zip", InputKind.ZIP, true));
    assertThat(r.get(1).counts()).containsEntry("lines", 2L);
    assertThat(r.get(2).problems())
        .singleElement()
        .asString()
        .startsWith("bundle.zip!/cm/readme.pdf: ")
        .contains("a PDF document");
    assertThat(r.get(3).counts()).containsEntry("entries", 3L);
    assertThat(facts.of(SccpMessage.class))
        .filteredOn(m -> m.messageId() == 1)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.origin().cite())
                    .isEqualTo("bundle.zip!/cm/trace/sniffer/sniffer.pcapng#4"));
  }

  @Test
  void zipEntryNameThatIsNotUtf8IsADamagedArchive() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z =
        new ZipOutputStream(bytes, StandardCharsets.UTF_8)) { // flags names as UTF-8
      z.putNextEntry(new ZipEntry("a.log"));
      z.write("x\n".getBytes(StandardCharsets.US_ASCII));
    }
    byte[] zip = bytes.toByteArray();
    zip[30] = (byte) 0xff; // the first byte of the name in the local header: never valid UTF-8
    List<FileReport> r = ingest(write("names.zip", zip));
    assertThat(r)
        .singleElement()
        .satisfies(
            z -> {
              assertThat(z.kind()).isEqualTo(InputKind.ZIP);
              assertThat(z.problems())
                  .singleElement()
                  .asString()
                  .isEqualTo(
                      "names.zip: the archive is damaged after 0 entries: an entry name is not"
                          + " valid UTF-8");
            });
  }

  @Test
  void zipBombEntryIsRefusedAndTheOthersAreRead() throws Exception {
    Path zip = dir.resolve("bomb.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      // syslog that compresses little, so only the per-entry size stops it (zeros would be refused
      // by their head)
      z.putNextEntry(new ZipEntry("huge.log"));
      Random random = new Random(1);
      for (int i = 0; i < 40_000; i++) {
        z.write(
            ("Jan 10 10:00:00 sw1 %LINK-3-UPDOWN: Interface Gi1/0/"
                    + random.nextInt(48)
                    + ", changed state to down "
                    + random.nextLong()
                    + "\n")
                .getBytes(StandardCharsets.US_ASCII));
      }
      z.putNextEntry(new ZipEntry("after.pcapng"));
      z.write(Files.readAllBytes(RealData.pcap(SCCP_REGISTER)));
    }
    IngestLimits limits = IngestLimits.defaults().withExpansion(100L << 20, 1L << 20);
    List<FileReport> r = ingest(limits, zip);
    assertThat(r)
        .extracting(FileReport::file, FileReport::read)
        .containsExactly(tuple("bomb.zip!/after.pcapng", true), tuple("bomb.zip", true));
    assertThat(r.get(1).problems())
        .singleElement()
        .asString()
        .isEqualTo(
            "bomb.zip!/huge.log expands past 1 MB; not unpacked further (a compression bomb, or"
                + " raise the limit)");
    assertThat(facts.of(SccpMessage.class)).isNotEmpty();
  }

  @Test
  void tooManyEntries() throws Exception {
    Path zip = dir.resolve("many.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (int i = 1; i <= 5; i++) {
        z.putNextEntry(new ZipEntry("log" + i + ".txt"));
        z.write(
            ("Jan 10 10:00:0"
                    + i
                    + " sw1 %LINK-3-UPDOWN: Interface Gi1/0/"
                    + i
                    + ", changed state to down\n")
                .getBytes(StandardCharsets.UTF_8));
      }
    }
    IngestLimits limits = new IngestLimits(1L << 30, 1L << 30, 1L << 30, 3, 3, 1000);
    List<FileReport> r = ingest(limits, zip);
    assertThat(r)
        .extracting(FileReport::file)
        .containsExactly(
            "many.zip!/log1.txt", "many.zip!/log2.txt", "many.zip!/log3.txt", "many.zip");
    assertThat(r.get(3).problems())
        .containsExactly("many.zip: has more than 3 entries; the rest were not read");
  }

  @Test
  void nestingDeeperThanTheLimit() throws Exception {
    byte[] inner = Files.readAllBytes(RealData.pcap(SCCP_REGISTER));
    String name = "capture.pcapng";
    for (int level = 4; level >= 1; level--) { // l1.zip > l2.zip > l3.zip > l4.zip > capture.pcapng
      inner = zipOf(name, inner);
      name = "l" + level + ".zip";
    }
    Path top = write("l1.zip", inner);
    IngestLimits limits = new IngestLimits(1L << 30, 1L << 30, 1L << 30, 100, 3, 1000);
    List<FileReport> r = ingest(limits, top);
    assertThat(r)
        .extracting(FileReport::file, FileReport::read)
        .containsExactly(
            tuple("l1.zip!/l2.zip!/l3.zip!/l4.zip", false),
            tuple("l1.zip!/l2.zip!/l3.zip", true),
            tuple("l1.zip!/l2.zip", true),
            tuple("l1.zip", true));
    assertThat(r.get(0).problems())
        .containsExactly(
            "l1.zip!/l2.zip!/l3.zip!/l4.zip: is nested 3 archives deep; regdoc unpacks at most 3"
                + " levels");
    assertThat(facts.count()).isZero();
  }

  @Test
  void fileOverMaxFileBytes() throws Exception {
    Path f = RealData.pcap(SCCP_REGISTER);
    List<FileReport> r =
        ingest(IngestLimits.defaults().withMaxFileBytes(1000), f, RealData.pcap(PCAP));
    assertThat(r.get(0).read()).isFalse();
    assertThat(r.get(0).problems())
        .singleElement()
        .asString()
        .startsWith("sccp_phone_register.pcapng: is ")
        .contains("over the limit of 1000 bytes");
    assertThat(r.get(1).problems())
        .singleElement()
        .asString()
        .startsWith("vphone_hold_unhold.pcap: is ");

    Run run = cli("timeline", "--max-file-size", "0", f.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.all())
        .contains("sccp_phone_register.pcapng: is ")
        .contains("over the limit of 0 bytes");
    noStackTrace(run);
  }

  // ---------------------------------------------------------------- helpers

  static byte[] zipOf(String name, byte[] content) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry(name));
      z.write(content);
    }
    return bytes.toByteArray();
  }

  static ByteOrder order(byte[] pcap) {
    return (pcap[0] & 0xff) == 0xd4 || (pcap[0] & 0xff) == 0x4d
        ? ByteOrder.LITTLE_ENDIAN
        : ByteOrder.BIG_ENDIAN;
  }

  /** End offsets of the packet blocks of a little-endian pcapng. */
  static long[] pcapngPacketEnds(byte[] f) {
    ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
    long[] ends = new long[10_000];
    int n = 0;
    int pos = 0;
    while (pos + 8 <= f.length) {
      int type = b.getInt(pos);
      int len = b.getInt(pos + 4);
      pos += len;
      if (type == 6 || type == 3 || type == 2) {
        ends[n++] = pos;
      }
    }
    return Arrays.copyOf(ends, n);
  }
}
