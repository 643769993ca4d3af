package dev.regdoc.cli;

import dev.regdoc.analysis.FileWords;
import dev.regdoc.charts.Pictures;
import dev.regdoc.common.Ahead;
import dev.regdoc.knowledge.Lang;
import dev.regdoc.timeline.FileWording;
import dev.regdoc.timeline.Timeline;
import dev.regdoc.timeline.TimelineBuilder;
import dev.regdoc.timeline.TimelineJson;
import dev.regdoc.timeline.TimelineText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * regdoc timeline: every registration, keepalive, retransmission, ARP answer and alarm per phone.
 */
@Command(
    name = "timeline",
    mixinStandardHelpOptions = true,
    description =
        "Shows per phone every registration, keepalive, retransmission, ARP answer and CUCM alarm"
            + " on one time axis.")
final class TimelineCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @Mixin InputOptions input = new InputOptions();

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default ${DEFAULT-VALUE})")
  Format format;

  @Option(
      names = "--device",
      paramLabel = "ID",
      description = "Only this phone (SEP name, MAC or IP)")
  String device;

  @Option(names = "--all", description = "Also list call-control messages in the text table")
  boolean all;

  @Option(
      names = "--chart",
      paramLabel = "DIR",
      description = "Also write PNG pictures there: each phone's timeline chart and ladder")
  Path chartDir;

  @Option(
      names = "--lang",
      defaultValue = "en",
      description =
          "Language of the pictures' words and of the file list: en or ja (default"
              + " ${DEFAULT-VALUE})")
  String lang;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (format == Format.json) {
      // the JSON's serializers are built on the second core while this one reads
      Ahead.start("json", TimelineJson::prepare);
    }
    Reading reading = new Reading(input);
    Timeline timeline = new TimelineBuilder().build(reading.facts, reading.reports);
    reading.facts.clear(); // written from the timeline alone: the messages are not held twice
    if (device != null) {
      timeline = timeline.forDevice(device);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      // streamed: a large capture's timeline is not held a second time as one JSON string
      TimelineJson.write(timeline, out);
      out.print("\n");
    } else {
      out.print(
          TimelineText.render(
              timeline,
              all,
              Lang.fromTag(lang).orElse(Lang.EN) == Lang.EN
                  ? FileWording.ENGLISH
                  : new FileWords(Texts.load(), lang)));
    }
    out.flush();
    if (chartDir != null
        && !Pictures.writeAndTell(
            Pictures.forTimeline(timeline, lang, Pictures.MAX_TIMELINE_DEVICES),
            chartDir,
            spec.commandLine().getErr())) {
      return 1;
    }
    return reading.anythingRead() ? 0 : 2;
  }
}
