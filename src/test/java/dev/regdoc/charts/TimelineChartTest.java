package dev.regdoc.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.charts.TimelineScene.Gap;
import dev.regdoc.charts.TimelineScene.LinkKind;
import dev.regdoc.charts.TimelineScene.Mark;
import dev.regdoc.charts.TimelineScene.MarkKind;
import dev.regdoc.charts.TimelineScene.MarkerKind;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.facts.Protocol;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The timeline chart's structure on the two case studies: lanes, marks at the cited frames, gaps,
 * markers, intervals.
 */
class TimelineChartTest {

  private static TimelineScene scene(String fixture, String lang) {
    return CaseStudies.timelineOfTop(fixture, lang);
  }

  private static List<Long> frames(TimelineScene s, MarkKind kind, int lane) {
    return s.marks().stream()
        .filter(m -> m.kind() == kind && m.lane() == lane)
        .map(Mark::frame)
        .toList();
  }

  @Test
  void caseStudy2HasALanePerCucmAndCapturePointWithThePhoneSideFirst() {
    TimelineScene s = scene("case-study-2", "en");
    assertThat(s.lanes())
        .extracting(TimelineScene.Lane::server, TimelineScene.Lane::side, TimelineScene.Lane::role)
        .containsExactly(
            Tuple.tuple("198.51.100.10", "phone.pcap", "primary"),
            Tuple.tuple("198.51.100.10", "cucm.pcap", "primary"),
            Tuple.tuple("198.51.100.11", "phone.pcap", "secondary"));
    assertThat(s.lanes().get(0).phoneSide()).isTrue();
    assertThat(s.lanes().get(1).phoneSide()).isFalse();
    assertThat(s.focused()).isFalse();
  }

  @Test
  void caseStudy2FromTracesHasATraceLaneWhereTheCucmCaptureLaneWas() {
    TimelineScene en = scene("case-study-2-traces", "en");
    assertThat(en.lanes())
        .extracting(TimelineScene.Lane::server, TimelineScene.Lane::side)
        .startsWith(
            Tuple.tuple("198.51.100.10", "phone.pcap"),
            Tuple.tuple("198.51.100.10", "trace:cucm-pub"));
    assertThat(en.lanes().get(1).label()).endsWith("seen at CUCM (trace of cucm-pub)");
    assertThat(en.lanes().get(1).phoneSide()).isFalse();
    // the first copies that never reached cucm-pub are crossed out on its trace lane
    assertThat(frames(en, MarkKind.LOST, 1)).contains(8L, 13L, 85L);
    assertThat(scene("case-study-2-traces", "ja").lanes().get(1).label())
        .endsWith("CUCM側で観測（cucm-pub のトレース）");
  }

  @Test
  void refreshesRetransmissionsAndLossesSitAtTheirFrames() {
    TimelineScene s = scene("case-study-2", "en");
    List<Long> refreshes = List.of(8L, 13L, 18L, 23L, 28L, 33L, 38L, 43L, 48L, 85L, 90L, 95L);
    assertThat(frames(s, MarkKind.REFRESH, 0)).containsExactlyElementsOf(refreshes);
    // every first transmission left the phone and never reached the CUCM-side capture: an X on the
    // CUCM-side lane
    assertThat(frames(s, MarkKind.LOST, 1)).containsExactlyElementsOf(refreshes);
    assertThat(s.links().stream().filter(l -> l.kind() == LinkKind.LOST))
        .hasSize(refreshes.size())
        .allMatch(l -> l.fromLane() == 0 && l.toLane() == 1);
    assertThat(s.marksOf(MarkKind.RETRANSMISSION))
        .extracting(Mark::label)
        .startsWith(
            "+0.1 s",
            "+0.2 s",
            "+0.328 s",
            "+0.852 s",
            "+1.678 s",
            "+3.358 s",
            "+6.716 s",
            "+13.432 s",
            "+26.864 s");
    // the refresh that got through with its retransmission is at the CUCM side at the
    // retransmission's time
    Mark lateAtCucm =
        s.marks().stream()
            .filter(m -> m.lane() == 1 && m.kind() == MarkKind.REFRESH && m.frame() == 47)
            .findFirst()
            .orElseThrow();
    Mark retransmission =
        s.marks().stream()
            .filter(m -> m.kind() == MarkKind.RETRANSMISSION && m.frame() == 63)
            .findFirst()
            .orElseThrow();
    assertThat(lateAtCucm.time()).isEqualTo(retransmission.time());
    assertThat(lateAtCucm.file()).isEqualTo("cucm.pcap");
  }

  @Test
  void answersAreLinkedToTheirRequests() {
    TimelineScene s = scene("case-study-2", "en");
    // the late 200 OK (frame 65) answers the refresh of frame 48, 26.9 s later
    Mark ok =
        s.marks().stream()
            .filter(m -> m.kind() == MarkKind.ANSWER && m.frame() == 65)
            .findFirst()
            .orElseThrow();
    Mark req =
        s.marks().stream()
            .filter(m -> m.kind() == MarkKind.REFRESH && m.frame() == 48)
            .findFirst()
            .orElseThrow();
    assertThat(s.links())
        .anyMatch(
            l ->
                l.kind() == LinkKind.ANSWER
                    && l.from().equals(req.time())
                    && l.to().equals(ok.time()));
    assertThat(ok.upper()).isFalse();
    assertThat(req.upper()).isTrue();
  }

  @Test
  void gapsLongerThanTheGrantedExpiryAreHighlighted() {
    TimelineScene s = scene("case-study-2", "en");
    assertThat(s.gaps()).extracting(Gap::lane).containsOnly(0);
    assertThat(s.gaps())
        .extracting(g -> Math.round(g.seconds() * 10) / 10.0)
        .containsExactly(121.7, 128.4, 141.9);
    assertThat(s.gaps()).allMatch(g -> g.limitSeconds() == 120);
  }

  @Test
  void alarmsAndMovesAreVerticalMarkersWithTheirSources() {
    TimelineScene s = scene("case-study-2", "en");
    assertThat(s.markers())
        .filteredOn(m -> m.kind() == MarkerKind.FAILOVER)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.cite()).isEqualTo("phone.pcap#54");
              assertThat(m.label()).isEqualTo("failover \u2192 198.51.100.11");
            });
    assertThat(s.markers())
        .filteredOn(m -> m.kind() == MarkerKind.FALLBACK)
        .extracting(TimelineScene.Marker::cite)
        .containsExactly("phone.pcap#83");
    assertThat(s.markers())
        .filteredOn(m -> m.kind() == MarkerKind.ALARM)
        .extracting(TimelineScene.Marker::label)
        .containsExactly("EndPointUnregistered 13", "EndPointUnregistered 28");
  }

  @Test
  void theTopFindingsEvidenceFramesAreEmphasised() {
    Analysis a = CaseStudies.analysis("case-study-2");
    Finding top = a.findings().get(0);
    TimelineScene s = scene("case-study-2", "en");
    List<String> cited =
        top.evidence().stream()
            .flatMap(e -> e.frames().stream().map(f -> e.file() + "#" + f))
            .toList();
    assertThat(cited).hasSize(12);
    for (String cite : cited) {
      assertThat(s.marks()).as(cite).anyMatch(m -> m.cite().equals(cite) && m.emphasised());
    }
    assertThat(s.marks()).filteredOn(Mark::emphasised).allMatch(m -> cited.contains(m.cite()));
  }

  @Test
  void theIntervalPanelShowsTheAnswerCrossingTheDeadline() {
    TimelineScene.Intervals iv = scene("case-study-2", "en").intervals();
    assertThat(iv.protocol()).isEqualTo(Protocol.SIP);
    assertThat(iv.expected()).isEqualTo(115);
    assertThat(iv.deadline()).isEqualTo(130);
    assertThat(iv.sent()).hasSize(13).allMatch(p -> Math.abs(p.seconds() - 115) < 0.01);
    assertThat(iv.answered())
        .filteredOn(p -> p.seconds() > iv.deadline())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.frame()).isEqualTo(65);
              assertThat(p.seconds()).isCloseTo(141.874, within(0.01));
            });
  }

  @Test
  void caseStudy12PutsThePhoneSideFirstEvenWhenTheCucmCaptureIsTheReferenceClock() {
    TimelineScene s = scene("case-study-1-2", "en");
    assertThat(s.referenceFile()).isEqualTo("cucm.pcap");
    assertThat(s.lanes().get(0))
        .satisfies(
            l -> {
              assertThat(l.side()).isEqualTo("phone.pcap");
              assertThat(l.phoneSide()).isTrue();
              assertThat(l.label()).contains("seen at the phone (phone.pcap)");
            });
    // the keepalives that the proxy ARP swallowed: sent at the phone, an X at the CUCM side
    assertThat(frames(s, MarkKind.LOST, 1)).containsExactly(57L, 64L, 65L);
    assertThat(frames(s, MarkKind.UNANSWERED, 0)).containsExactly(57L, 64L, 65L);
    assertThat(s.gaps())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.lane()).isZero();
              assertThat(g.seconds()).isCloseTo(90, within(0.1));
            });
    assertThat(s.markers())
        .filteredOn(m -> m.kind() == MarkerKind.ADDRESS)
        .extracting(TimelineScene.Marker::cite)
        .contains("phone.pcap#55", "phone.pcap#57");
    TimelineScene.Intervals iv = s.intervals();
    assertThat(iv.protocol()).isEqualTo(Protocol.SCCP);
    assertThat(iv.deadline()).isEqualTo(90);
    assertThat(iv.sent()).extracting(p -> Math.round(p.seconds())).contains(60L, 90L);
  }

  @Test
  void thePngDecodesAtItsSizeAndBothPanelsShareTheTimeAxis() throws IOException {
    TimelineScene s = scene("case-study-2", "en");
    RenderedChart r = TimelineChart.render(s, Labels.of("en"));
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.png()));
    assertThat(img).isNotNull();
    assertThat(img.getWidth()).isEqualTo(r.width()).isEqualTo(1280);
    assertThat(img.getHeight()).isEqualTo(r.height()).isEqualTo(800);
    int[] lanes = r.timeAxes().get("lanes");
    int[] intervals = r.timeAxes().get("intervals");
    assertThat(Math.abs(lanes[0] - intervals[0])).isLessThanOrEqualTo(1);
    assertThat(Math.abs(lanes[1] - intervals[1])).isLessThanOrEqualTo(1);
    assertThat(lanes[1] - lanes[0]).isGreaterThan(900);
    // 13 refreshes at the phone (12 to the primary, 1 to the secondary), 12 of them also at the
    // CUCM
    assertThat(r.series().get("lanes"))
        .containsEntry("refresh", 13 + 12)
        .containsEntry("left the phone, never arrived", 12)
        .containsKey("evidence of port-security-aging");
    assertThat(r.series().get("intervals")).containsEntry("answered after the deadline", 1);
    assertThat(r.texts())
        .contains(
            "+26.864 s",
            "failover \u2192 198.51.100.11",
            "141.9 s",
            "CUCM 198.51.100.10 (primary) \u2014 seen at the CUCM (cucm.pcap)");
  }

  @Test
  void theJapaneseSecondsAxisPutsItsUnitOnEachTickInsteadOfATitleTurnedSideways() {
    // XChart draws a y-axis title turned by 90 degrees: Latin reads so, Japanese does not
    assertThat(TimelineChart.render(scene("case-study-2", "en"), Labels.of("en")).texts())
        .contains("seconds");
    assertThat(TimelineChart.render(scene("case-study-2", "ja"), Labels.of("ja")).texts())
        .doesNotContain("秒");
    assertThat(Labels.of("ja").get("intervals.yTicks")).endsWith("秒");
  }

  @Test
  void japaneseLabelsAreDrawnWithAFontThatHasTheirGlyphs() {
    RenderedChart r = TimelineChart.render(scene("case-study-2", "ja"), Labels.of("ja"));
    assertThat(r.texts()).contains("登録更新", "CUCMの期限 130秒", "フェイルオーバー \u2192 198.51.100.11");
    Font font = new Font(r.fontFamily(), Font.PLAIN, 16);
    assertThat(font.getFamily())
        .as("the chosen font is installed (fonts-ipafont-gothic)")
        .isEqualTo(r.fontFamily());
    assertThat(r.texts())
        .allSatisfy(
            t ->
                assertThat(Fonts.displays(font, t))
                    .as("no missing glyph in \"%s\" with %s", t, r.fontFamily())
                    .isTrue());
  }

  @Test
  void theGlyphCheckCatchesAFontWithoutJapanese() {
    Font latin = new Font("DejaVu Sans", Font.PLAIN, 16);
    Assumptions.assumeTrue(latin.getFamily().equals("DejaVu Sans"), "DejaVu Sans is installed");
    assertThat(Fonts.displays(latin, "refresh 115 s")).isTrue();
    assertThat(Fonts.displays(latin, "登録更新")).isFalse();
    assertThat(Fonts.familyFor(List.of("refresh"))).isEqualTo("DejaVu Sans");
    assertThat(Fonts.familyFor(List.of("登録更新"))).isNotEqualTo("DejaVu Sans");
  }
}
