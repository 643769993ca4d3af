package dev.regdoc.adapter.slack;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.analysis.Analyzer;
import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.conversation.Block;
import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.ProgressSink;
import dev.regdoc.conversation.Reply;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the conversation engine while it is being written: uploads go through the real Analyzer (so the
 * diagnosis in the Slack thread is regdoc's), text opens a case with one checklist step, a button is acknowledged.
 */
final class AnalyzingTestEngine implements ChatEngine {
  private static Analyzer analyzer;
  final List<Incoming> received = new CopyOnWriteArrayList<>();
  private final long maxUpload;

  AnalyzingTestEngine(long maxUpload) {
    this.maxUpload = maxUpload;
  }

  private static synchronized Analyzer analyzer() {
    if (analyzer == null) {
      analyzer = new Analyzer(RuleBase.load(Path.of("rules")), TextReaders.defaults(), IngestLimits.defaults(),
          SignalingPorts.defaults());
    }
    return analyzer;
  }

  @Override
  public Reply handle(Incoming in, ProgressSink progress) {
    received.add(in);
    Reply.Builder r = new Reply.Builder();
    if (in.action() != null) {
      r.text("Noted **" + in.action() + "**.");
    } else if (!in.uploads().isEmpty()) {
      progress.progress("Reading " + in.uploads().get(0).name(), 50);
      Analysis a = analyzer().analyze(in.uploads().stream().map(u -> new InputFile(u.content(), u.name())).toList());
      int rank = 1;
      for (Finding f : a.findings()) {
        r.add(new Block.FindingCard(rank++, f.code(), f.tier().toString(), (int) Math.round(f.confidence() * 100), f.device(),
            null, f.code(), "found by the rules", List.of("check the switch port"),
            List.of(new Block.EvidenceLine(in.uploads().get(0).name(), null, "see the capture"))));
      }
    } else {
      r.text("**Case 1** opened for: " + in.text());
      r.add(new Block.Step("phone-pcap", 1, "Capture at the phone", "The phone's own view of the registration.",
          List.of("span the phone's switch port"), "open"));
    }
    return r.build("en", 1);
  }

  @Override
  public long maxUploadBytes() {
    return maxUpload;
  }
}
