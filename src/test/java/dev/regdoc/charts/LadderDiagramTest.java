package dev.regdoc.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.charts.LadderScene.Role;
import dev.regdoc.charts.LadderScene.Row;
import dev.regdoc.charts.LadderScene.Style;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The ladder around a finding: participants, rows at the cited frames, and a golden text ladder for
 * case study 2 ({@code src/test/resources/golden/ladder-case-study-2.txt}; rewrite it with {@code
 * -Dregdoc.updateGolden=true} and review the diff).
 */
class LadderDiagramTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/ladder-case-study-2.txt");

  private static LadderScene scene(String fixture, String lang) {
    return CaseStudies.ladderOfTop(fixture, lang);
  }

  private static Row row(LadderScene s, String cite) {
    return s.rows().stream()
        .filter(r -> r.cite().equals(cite))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + cite));
  }

  @Test
  void caseStudy2TextLadderMatchesTheGoldenFile() throws IOException {
    String actual = LadderDiagram.text(scene("case-study-2", "en"), Labels.of("en"));
    if (Boolean.getBoolean("regdoc.updateGolden")) {
      Files.writeString(GOLDEN, actual);
    }
    assertThat(GOLDEN).as("golden ladder (create with -Dregdoc.updateGolden=true)").exists();
    assertThat(actual).isEqualTo(Files.readString(GOLDEN));
  }

  @Test
  void caseStudy2LadderShowsTheLostRefreshTheFailoverAndTheLateAnswer() {
    LadderScene s = scene("case-study-2", "en");
    assertThat(s.participants())
        .extracting(LadderScene.Participant::role)
        .containsExactly(Role.PHONE, Role.SWITCH, Role.CUCM, Role.CUCM);
    assertThat(s.participants().get(1).detail()).isEqualTo("Gi1/0/12");
    // the window starts with the exchange before the refresh that broke (frame 48) and covers the
    // failover
    assertThat(s.rows().get(0).cite()).isEqualTo("phone.pcap#43");
    Row lost = row(s, "phone.pcap#48");
    assertThat(lost.style()).isEqualTo(Style.LOST);
    assertThat(lost.from()).isZero();
    assertThat(lost.to()).isEqualTo(2);
    assertThat(lost.note()).isEqualTo("left the phone, never reached cucm.pcap");
    assertThat(lost.emphasised()).isTrue();
    Row retransmission = row(s, "phone.pcap#63");
    assertThat(retransmission.style()).isEqualTo(Style.RETRANSMISSION);
    assertThat(retransmission.label())
        .isEqualTo("TCP retransmission +26.864 s (REGISTER CSeq 110)");
    assertThat(retransmission.alsoAt()).isEqualTo("cucm.pcap#47");
    assertThat(row(s, "phone.pcap#65").note())
        .isEqualTo("too late: the phone had already moved to another CUCM");
    assertThat(s.rows())
        .filteredOn(r -> r.style() == Style.NOTE)
        .extracting(Row::label)
        .contains(
            "failover \u2192 198.51.100.11",
            "EndPointUnregistered Reason=13 (cucm-pub)",
            "fallback \u2192 198.51.100.10");
    assertThat(s.rows()).isSortedAccordingTo(Comparator.comparing(Row::time));
    assertThat(s.rows()).hasSizeLessThanOrEqualTo(LadderBuilder.MAX_ROWS);
  }

  @Test
  void caseStudy12LadderHasTheFirewallAnsweringArpForTheCucm() {
    LadderScene s = scene("case-study-1-2", "en");
    assertThat(s.participants())
        .extracting(LadderScene.Participant::role)
        .containsExactly(Role.PHONE, Role.FIREWALL, Role.CUCM, Role.CUCM);
    Row proxy = row(s, "phone.pcap#55");
    assertThat(proxy.from()).isEqualTo(1);
    assertThat(proxy.to()).isZero();
    assertThat(proxy.label()).isEqualTo("ARP 192.0.2.202 is at 58:0a:20:fb:07:1f");
    assertThat(proxy.emphasised()).isTrue();
    Row own = row(s, "phone.pcap#56");
    assertThat(own.from()).isEqualTo(2);
    assertThat(own.alsoAt()).isEqualTo("cucm.pcap#40");
    // the keepalive and all of its retransmissions stop at the firewall
    assertThat(row(s, "phone.pcap#57").style()).isEqualTo(Style.LOST);
    assertThat(row(s, "phone.pcap#63").style()).isEqualTo(Style.LOST);
    // the ARP question both captures saw is one row that says where else it was seen
    assertThat(row(s, "phone.pcap#54").alsoAt()).isEqualTo("cucm.pcap#39");
    assertThat(s.rows()).noneMatch(r -> r.cite().equals("cucm.pcap#39"));
  }

  @Test
  void aChosenWindowHoldsExactlyItsMessages() {
    Analysis a = CaseStudies.analysis("case-study-2");
    LadderScene s =
        LadderDiagram.scene(
            a.timeline(),
            "SEP0024142DDF24",
            Instant.parse("2015-07-15T22:58:06Z"),
            Instant.parse("2015-07-15T22:58:10Z"),
            null,
            Labels.of("en"));
    assertThat(s.rows())
        .extracting(Row::cite)
        .containsExactly(
            "phone.pcap#56",
            "phone.pcap#57",
            "phone.pcap#59",
            "phone.pcap#61",
            "cucm-syslog.log:3",
            "phone.pcap#63",
            "phone.pcap#65",
            "phone.pcap#67",
            "phone.pcap#69");
    assertThat(s.rows()).noneMatch(Row::emphasised);
  }

  @Test
  void thePngHasARowPerMessageAndJapaneseGlyphs() throws IOException {
    LadderScene s = scene("case-study-2", "ja");
    RenderedLadder r = LadderDiagram.png(s, Labels.of("ja"));
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.png()));
    assertThat(img.getWidth()).isEqualTo(1280);
    assertThat(img.getHeight()).isEqualTo(r.height()).isEqualTo(LadderPng.heightFor(s));
    assertThat(r.rowY()).hasSize(s.rows().size()).isSorted().doesNotHaveDuplicates();
    assertThat(r.texts()).contains("電話機", "フェイルオーバー \u2192 198.51.100.11");
    Font font = new Font(r.fontFamily(), Font.PLAIN, 15);
    assertThat(r.texts())
        .allSatisfy(
            t ->
                assertThat(Fonts.displays(font, t)).as("\"%s\" in %s", t, r.fontFamily()).isTrue());
  }
}
