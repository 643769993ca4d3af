package dev.regdoc.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.cli.Main;
import dev.regdoc.conversation.Block;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat front ends' entry point and {@code --chart DIR} on the command line. */
class PicturesTest {

  private static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img).as("a PNG ImageIO can read").isNotNull();
    return img;
  }

  @Test
  void aFaultyPhoneGetsItsTimelineAndTheLadderAroundTheTopFinding() throws IOException {
    Analysis a = CaseStudies.analysis("case-study-2");
    List<Picture> pictures = Pictures.forAnalysis(a, "en", CaseStudies.texts());
    assertThat(pictures)
        .extracting(Picture::fileName)
        .containsExactly(
            "timeline-SEP0024142DDF24.png", "ladder-SEP0024142DDF24-port-security-aging.png");
    assertThat(pictures)
        .extracting(Picture::title)
        .containsExactly(
            "SEP0024142DDF24: registration timeline",
            "SEP0024142DDF24: message sequence around port-security-aging");
    assertThat(decode(pictures.get(0).png()).getWidth()).isEqualTo(1280);
    assertThat(decode(pictures.get(1).png()).getHeight()).isGreaterThan(400);
  }

  @Test
  void japaneseTitlesWithoutTheKnowledgeBase() {
    List<Picture> pictures = Pictures.forAnalysis(CaseStudies.analysis("case-study-1-2"), "ja");
    assertThat(pictures)
        .extracting(Picture::title)
        .containsExactly("SEP00245111A4C2: 登録タイムライン", "SEP00245111A4C2: proxy-arp 前後のメッセージシーケンス");
  }

  @Test
  void aHealthyPhoneGetsNoPictures() {
    Analysis a = CaseStudies.analysis("healthy-sip");
    assertThat(a.findings()).allMatch(f -> !f.isFault());
    assertThat(Pictures.forAnalysis(a, "en")).isEmpty();
  }

  @Test
  void theChatEnginesIllustratorGivesImageBlocks() throws IOException {
    List<Block.Image> images =
        new ChartIllustrator(CaseStudies.texts())
            .pictures(CaseStudies.analysis("case-study-1-2"), "ja");
    assertThat(images)
        .extracting(Block.Image::fileName)
        .containsExactly("timeline-SEP00245111A4C2.png", "ladder-SEP00245111A4C2-proxy-arp.png");
    assertThat(decode(images.get(1).png()).getWidth()).isEqualTo(1280);
  }

  @Test
  void fileNamesAreSafeWhateverTheDeviceIdSays() {
    assertThat(Pictures.safe("../etc/passwd")).isEqualTo("_.._etc_passwd");
    assertThat(Pictures.safe("SEP00:11")).isEqualTo("SEP00_11");
  }

  @Test
  void analyzeAndTimelineWriteTheirPicturesWithChart(@TempDir Path dir) throws IOException {
    Path fx = CaseStudies.FIXTURES.resolve("case-study-2");
    String[] files =
        Stream.of("phone.pcap", "cucm.pcap", "cucm-syslog.log", "switch-config.txt")
            .map(f -> fx.resolve(f).toString())
            .toArray(String[]::new);
    String err =
        quietly(
            () ->
                assertThat(
                        Main.run(
                            concat(
                                new String[] {"analyze"},
                                files,
                                "--format",
                                "json",
                                "--chart",
                                dir.resolve("a").toString())))
                    .isZero());
    assertThat(err).contains("wrote " + dir.resolve("a").resolve("timeline-SEP0024142DDF24.png"));
    assertThat(dir.resolve("a"))
        .isDirectoryContaining("glob:**/ladder-SEP0024142DDF24-port-security-aging.png");
    quietly(
        () ->
            assertThat(
                    Main.run(
                        concat(
                            new String[] {"timeline"},
                            files,
                            "--chart",
                            dir.resolve("t").toString(),
                            "--lang",
                            "ja")))
                .isZero());
    try (Stream<Path> written = Files.list(dir.resolve("t"))) {
      List<Path> pngs = written.sorted().toList();
      assertThat(pngs)
          .extracting(p -> p.getFileName().toString())
          .containsExactly("ladder-SEP0024142DDF24.png", "timeline-SEP0024142DDF24.png");
      for (Path p : pngs) {
        assertThat(decode(Files.readAllBytes(p)).getWidth()).isEqualTo(1280);
      }
    }
  }

  @Test
  void aFolderThatCannotBeWrittenIsNamedWithTheProblem(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    Path fx = CaseStudies.FIXTURES.resolve("case-study-2").resolve("phone.pcap");
    String err =
        quietly(
            () ->
                assertThat(
                        Main.run(
                            "timeline",
                            fx.toString(),
                            "--chart",
                            file.resolve("pictures").toString()))
                    .isEqualTo(1));
    assertThat(err)
        .contains("cannot write the pictures to " + file.resolve("pictures"))
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  private static String[] concat(String[] head, String[] middle, String... tail) {
    return Stream.of(head, middle, tail).flatMap(Stream::of).toArray(String[]::new);
  }

  /** Runs {@code r} with stdout discarded; returns what it wrote to stderr. */
  private static String quietly(Runnable r) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      r.run();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
