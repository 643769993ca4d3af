package dev.regdoc.cli;

import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.ingest.IngestLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options shared by every command that reads files. */
final class InputOptions {
  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Captures (pcap/pcapng, also gzip), syslog, IOS/ASA configs, zip bundles; type is judged"
              + " by content")
  List<Path> files;

  @Option(
      names = "--sip-port",
      split = ",",
      paramLabel = "PORT",
      description = "Extra ports that carry SIP (besides 5060; 5061 is TLS)")
  Set<Integer> extraSipPorts = Set.of();

  @Option(
      names = "--max-file-size",
      paramLabel = "MB",
      description = "Refuse files larger than this (default ${DEFAULT-VALUE} MB)",
      defaultValue = "" + IngestLimits.DEFAULT_MAX_FILE_MB)
  long maxFileMb;

  @Option(
      names = "--max-expanded-size",
      paramLabel = "MB",
      description =
          "Stop unpacking gzip and zip contents past this in all (default ${DEFAULT-VALUE} MB)",
      defaultValue = "" + IngestLimits.DEFAULT_MAX_EXPANDED_MB)
  long maxExpandedMb;

  @Option(
      names = "--time-limit",
      paramLabel = "SECONDS",
      description = "Stop reading there and diagnose what was read (default ${DEFAULT-VALUE} s)",
      defaultValue = "300")
  long timeLimitSeconds;

  Duration timeLimit() {
    return Duration.ofSeconds(timeLimitSeconds);
  }

  SignalingPorts ports() {
    return SignalingPorts.defaults().withExtraSip(extraSipPorts);
  }

  IngestLimits limits() {
    return IngestLimits.defaults()
        .withMaxFileBytes(maxFileMb << 20)
        .withExpansion(maxExpandedMb << 20, maxExpandedMb << 20);
  }
}
