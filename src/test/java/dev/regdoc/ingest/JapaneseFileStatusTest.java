package dev.regdoc.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.ingest.BadInputTest.Run;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analysis in Japanese says what is wrong with each bad file in Japanese: its status lines hold
 * no English words, only the file's name and the names of formats, products and commands.
 */
class JapaneseFileStatusTest {
  @TempDir Path dir;

  /** Names that stay as they are in a Japanese answer: formats, products, commands, settings. */
  static final Set<String> NAMES =
      Set.of(
          "pcap",
          "pcapng",
          "gzip",
          "zip",
          "gzo",
          "RTMT",
          "CUCM",
          "IOS",
          "ASA",
          "syslog",
          "CallManager",
          "regdoc",
          "editcap",
          "analyses",
          "time",
          "limit",
          "seconds",
          "KB",
          "MB",
          "GB",
          "bytes",
          "tcpdump",
          "tshark",
          "libpcap",
          "Linux",
          "SLL",
          "BSD",
          "IP",
          "TCP",
          "UTF",
          "SIP",
          "UTC",
          "Cisco",
          "CTIManager",
          "FileHead");

  static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

  @Test
  void badFilesAreDescribedInJapanese() throws Exception {
    List<Path> files = new ArrayList<>();
    files.add(Files.write(dir.resolve("empty.pcap"), new byte[0]));
    byte[] random = new byte[4096];
    new Random(42).nextBytes(random);
    random[0] = 0x13;
    files.add(Files.write(dir.resolve("random.bin"), random));
    files.add(
        Files.write(
            dir.resolve("cut-header.pcap"),
            new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0}));
    files.add(Files.write(dir.resolve("damaged.zip"), cutZip(20)));
    files.add(Files.write(dir.resolve("half.zip"), cutZip(200)));
    files.add(Files.write(dir.resolve("damaged.gz"), damagedGzip()));
    files.add(dir.resolve("no-such-file.pcap"));
    Path fixture = Path.of("src/test/resources/fixtures/nothing-readable");
    try (var listed = Files.list(fixture)) {
      listed.sorted().forEach(files::add);
    }
    List<String> args = new ArrayList<>(List.of("analyze", "--lang", "ja"));
    files.forEach(f -> args.add(f.toString()));

    Run run = BadInputTest.cli(args.toArray(String[]::new));

    BadInputTest.noStackTrace(run);
    List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
    List<String> problems =
        Arrays.stream(run.all().split("\n")).filter(l -> l.startsWith("    ! ")).toList();
    assertThat(problems).hasSizeGreaterThanOrEqualTo(7);
    assertThat(problems).allSatisfy(l -> assertThat(englishWords(l, names)).isEmpty());
    assertThat(run.all()).doesNotContain("null");
  }

  /**
   * The words of {@code line} that are English: not the file or entry it names, nor a format or
   * product.
   */
  static List<String> englishWords(String line, List<String> fileNames) {
    String rest = line.substring(line.indexOf(": ") + 2); // "    ! name: " names the file
    for (String n : fileNames) {
      rest = rest.replace(n, " ");
    }
    return englishWordsOf(rest);
  }

  /** The words of {@code text} that are English: not a format, product or command. */
  static List<String> englishWordsOf(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      if (!NAMES.contains(m.group())) {
        out.add(m.group());
      }
    }
    return out;
  }

  /** A zip of one log cut after {@code length} bytes. */
  static byte[] cutZip(int length) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry("cm/log/syslog.txt"));
      z.write(log().getBytes(StandardCharsets.US_ASCII));
    }
    return Arrays.copyOf(bytes.toByteArray(), length);
  }

  /** A CUCM syslog that does not compress to nothing. */
  static String log() {
    StringBuilder s = new StringBuilder();
    Random r = new Random(7);
    for (int i = 0; i < 200; i++) {
      s.append("Jan 10 10:00:")
          .append(10 + i % 50)
          .append(" cucm1 ")
          .append(r.nextInt(100000))
          .append(": %UC_CALLMANAGER-3-DeviceUnregistered\n");
    }
    return s.toString();
  }

  /** A gzip whose deflate stream is garbage after its header. */
  static byte[] damagedGzip() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
      z.write("hello\n".getBytes(StandardCharsets.US_ASCII));
    }
    byte[] gz = bytes.toByteArray();
    for (int i = 10; i < gz.length; i++) {
      gz[i] = (byte) 0xff;
    }
    return gz;
  }
}
