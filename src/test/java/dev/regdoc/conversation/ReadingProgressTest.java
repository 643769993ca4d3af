package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bench.BenchCaptureWriter;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.common.Sizes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a large capture is read the user sees how far it has got, file by file ("Reading big.pcap:
 * 3.2 MB of 8.0 MB"), with one percentage over all the files that never goes back, in their
 * language.
 */
class ReadingProgressTest {

  @TempDir Path dir;
  BotRuntime bot;
  Path big;

  record Step(String text, int percent) {}

  @BeforeEach
  void start() throws Exception {
    bot = BotFixture.start(dir.resolve("data"), Map.of("uploads.max-mb", "64"));
    big = dir.resolve("big.pcap");
    new BenchCaptureWriter().write(big, BenchCaptureWriter.Profile.SIP_DENSE, 8L << 20);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void eachCaptureReportsItsBytesAndTheTotalOnlyGoesUp() throws Exception {
    List<Step> steps =
        uploadRecording(
            "en",
            "SEP0024142DDF24 drops every 16 minutes, SIP, CUCM 14",
            BotFixture.caseStudy2("phone.pcap"),
            new Upload("big.pcap", Files.size(big), big));

    List<Step> reading =
        steps.stream().filter(s -> s.text().startsWith("Reading big.pcap: ")).toList();
    assertThat(reading)
        .hasSizeBetween(3, 11); // about one line per tenth of the file, not one per packet
    String size = Sizes.human(Files.size(big));
    assertThat(reading.get(reading.size() - 1).text())
        .isEqualTo("Reading big.pcap: " + size + " of " + size + "...");
    assertThat(steps).anyMatch(s -> s.text().startsWith("Reading phone.pcap: "));
    int[] percents = steps.stream().mapToInt(Step::percent).filter(p -> p >= 0).toArray();
    assertThat(percents).isSorted();
    assertThat(percents[percents.length - 1]).isEqualTo(100);
    assertThat(reading)
        .allSatisfy(
            s -> assertThat(s.percent()).isBetween(ReadingProgress.START, ReadingProgress.END));
  }

  @Test
  void progressSpeaksTheUsersLanguage() throws Exception {
    List<Step> steps =
        uploadRecording(
            "ja",
            "SEP0024142DDF24 が16分ごとに登録解除されます、SIP、CUCM 14",
            new Upload("big.pcap", Files.size(big), big));
    String size = Sizes.human(Files.size(big));
    assertThat(steps)
        .extracting(Step::text)
        .contains("big.pcap を読み込んでいます（" + size + " のうち " + size + "）...");
  }

  private List<Step> uploadRecording(String lang, String symptom, Upload... uploads) {
    ChatEngine engine = bot.engine();
    engine.handle(Incoming.text("web:p", "web:" + lang, symptom), ProgressSink.NONE);
    List<Step> steps = new ArrayList<>();
    engine.handle(
        Incoming.upload("web:p", "web:" + lang, "", List.of(uploads)),
        (text, percent) -> steps.add(new Step(text, percent)));
    return steps;
  }
}
