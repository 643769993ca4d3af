package dev.regdoc.ingest;

import dev.regdoc.capture.CaptureException;
import dev.regdoc.capture.CaptureReader;
import dev.regdoc.capture.CaptureSummary;
import dev.regdoc.common.BoundedCopy;
import dev.regdoc.common.ReadProgress;
import dev.regdoc.common.Sizes;
import dev.regdoc.facts.FactSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Turns the files an engineer hands over (captures, syslog, configs, gzip and zip bundles of them)
 * into facts, one file at a time, streaming. Every file gets a report; nothing is skipped without a
 * sentence saying so.
 */
public final class IngestService {
  private final InputSniffer sniffer = new InputSniffer();
  private final CaptureReader captures;
  private final Map<InputKind, TextReader> textReaders;
  private final IngestLimits limits;

  public IngestService(CaptureReader captures, Map<InputKind, TextReader> textReaders, IngestLimits limits) {
    this.captures = captures;
    this.textReaders = Map.copyOf(textReaders);
    this.limits = limits;
  }

  public List<FileReport> ingest(List<InputFile> files, FactSink sink) {
    return ingest(files, sink, ReadProgress.NONE);
  }

  /** As {@link #ingest(List, FactSink)}, telling {@code progress} how far each capture's reading has got. */
  public List<FileReport> ingest(List<InputFile> files, FactSink sink, ReadProgress progress) {
    List<FileReport> reports = new ArrayList<>();
    for (InputFile f : files) {
      new Expansion(sink, reports, progress).file(f.path(), f.name(), 0);
    }
    return reports;
  }

  /** State of one top-level file's expansion: how much its archives have produced so far. */
  private final class Expansion {
    private final FactSink sink;
    private final List<FileReport> reports;
    private final ReadProgress progress;
    private long expanded;

    Expansion(FactSink sink, List<FileReport> reports, ReadProgress progress) {
      this.sink = sink;
      this.reports = reports;
      this.progress = progress;
    }

    void file(Path path, String name, int depth) {
      try {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
          refuse(name, InputKind.UNKNOWN, "missing", "cannot be read: there is no such file, or it is not readable");
          return;
        }
        long size = Files.size(path);
        if (size > limits.maxFileBytes()) {
          refuse(name, InputKind.UNKNOWN, Sizes.human(size),
              "is " + Sizes.human(size) + ", over the limit of " + Sizes.human(limits.maxFileBytes())
                  + "; cut it down (e.g. editcap -A/-B by time, or a capture filter on the phone's address)");
          return;
        }
        dispatch(path, name, depth, sniffer.sniff(path));
      } catch (IOException e) {
        refuse(name, InputKind.UNKNOWN, "unreadable", "could not be read: " + e.getMessage());
      }
    }

    private void dispatch(Path path, String name, int depth, Sniffed s) throws IOException {
      switch (s.kind()) {
        case PCAP, PCAPNG -> capture(path, name, s);
        case GZIP -> gzip(path, name, depth, s);
        case ZIP -> zip(path, name, depth, s);
        case SYSLOG, IOS_CONFIG, ASA_CONFIG -> text(path, name, s);
        default -> refuse(name, s.kind(), s.description(), "is not something regdoc reads: it looks like "
            + s.description() + ". regdoc reads pcap/pcapng captures, CUCM, IOS and ASA syslog, and IOS and ASA"
            + " configurations, also inside gzip or zip (RTMT) bundles");
      }
    }

    private void capture(Path path, String name, Sniffed s) {
      try {
        CaptureSummary c = captures.read(path, name, sink, progress);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("frames", c.frames());
        counts.put("decoded", c.framesDecoded());
        counts.put("bytes", c.bytes());
        String looks = c.format() + (c.linkTypes().isEmpty() ? "" : ", " + String.join(", ", c.linkTypes()));
        reports.add(new FileReport(name, s.kind(), looks, c.frames() > 0, counts, c.problems()));
      } catch (CaptureException e) {
        refuse(name, s.kind(), s.description(), e.getMessage());
      } catch (IOException e) {
        refuse(name, s.kind(), s.description(), "could not be read: " + e.getMessage());
      }
    }

    private void text(Path path, String name, Sniffed s) throws IOException {
      TextReader reader = textReaders.get(s.kind());
      if (reader == null) {
        refuse(name, s.kind(), s.description(), "looks like " + s.description() + ", but this build has no reader for it");
        return;
      }
      var decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
      try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(path), decoder), 1 << 16)) {
        TextSummary t = reader.read(name, in, sink);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("lines", t.lines());
        counts.put("recognised", t.recognised());
        counts.put("unrecognised", t.unrecognised());
        List<String> problems = t.problems().stream().map(p -> p.startsWith(name + ":") ? p : name + ": " + p).toList();
        reports.add(new FileReport(name, s.kind(), s.description(), t.recognised() > 0, counts, problems));
      }
    }

    private void gzip(Path path, String name, int depth, Sniffed s) throws IOException {
      if (!deeperAllowed(name, depth, s)) {
        return;
      }
      Path tmp = Files.createTempFile("regdoc-", ".gunzip");
      try (InputStream in = new GZIPInputStream(Files.newInputStream(path), 1 << 16)) {
        expanded += unpack(in, tmp, remaining(limits.maxEntryBytes()), name);
        file(tmp, name, depth + 1);
      } catch (IOException e) {
        refuse(name, s.kind(), s.description(), "could not be decompressed: " + e.getMessage());
      } finally {
        Files.deleteIfExists(tmp);
      }
    }

    private void zip(Path path, String name, int depth, Sniffed s) throws IOException {
      if (!deeperAllowed(name, depth, s)) {
        return;
      }
      List<String> problems = new ArrayList<>();
      long entries = 0;
      try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(path))) {
        ZipEntry e;
        while ((e = nextEntry(zin)) != null) {
          if (e.isDirectory()) {
            continue;
          }
          if (++entries > limits.maxEntries()) {
            problems.add(name + ": has more than " + limits.maxEntries() + " entries; the rest were not read");
            break;
          }
          if (!entry(zin, e, name, depth, problems)) {
            break;
          }
        }
      } catch (IOException e) {
        problems.add(name + ": the archive is damaged after " + entries + " entries: " + e.getMessage());
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put("entries", entries);
      reports.add(new FileReport(name, s.kind(), s.description(), entries > 0, counts, problems));
    }

    /** The next entry; a name that is not valid UTF-8 is damage like any other (the JDK throws IllegalArgumentException). */
    private static ZipEntry nextEntry(ZipInputStream zin) throws IOException {
      try {
        return zin.getNextEntry();
      } catch (IllegalArgumentException e) {
        throw new ZipException("an entry name is not valid UTF-8");
      }
    }

    /** @return false when the archive must not be read further (total limit reached) */
    private boolean entry(ZipInputStream zin, ZipEntry e, String name, int depth, List<String> problems) throws IOException {
      String entryName = name + "!/" + e.getName();
      Path tmp = Files.createTempFile("regdoc-", ".entry");
      try {
        long n = unpack(zin, tmp, remaining(limits.maxEntryBytes()), entryName);
        expanded += n;
        if (e.getCompressedSize() > 0 && n / e.getCompressedSize() > limits.maxRatio()) {
          problems.add(entryName + ": expands " + (n / e.getCompressedSize()) + " times; skipped as a likely compression bomb");
          return true;
        }
        file(tmp, entryName, depth + 1);
        return true;
      } catch (LimitExceeded x) {
        problems.add(x.getMessage());
        return expanded < limits.maxExpandedTotal();
      } finally {
        Files.deleteIfExists(tmp);
      }
    }

    /** Unpacks one stream to {@code tmp}; one that expands past the limit is refused, not unpacked further. */
    private long unpack(InputStream in, Path tmp, long limit, String what) throws IOException {
      long n = BoundedCopy.copyAtMost(in, tmp, limit);
      if (n == BoundedCopy.TOO_LARGE) {
        throw new LimitExceeded(what + " expands past " + Sizes.human(limit)
            + "; not unpacked further (a compression bomb, or raise the limit)");
      }
      return n;
    }

    private long remaining(long perEntry) throws LimitExceeded {
      long left = limits.maxExpandedTotal() - expanded;
      if (left <= 0) {
        throw new LimitExceeded("the archive's contents exceed " + Sizes.human(limits.maxExpandedTotal()) + " in all");
      }
      return Math.min(perEntry, left);
    }

    private boolean deeperAllowed(String name, int depth, Sniffed s) {
      if (depth >= limits.maxDepth()) {
        refuse(name, s.kind(), s.description(), "is nested " + depth + " archives deep; regdoc unpacks at most "
            + limits.maxDepth() + " levels");
        return false;
      }
      return true;
    }

    private void refuse(String name, InputKind kind, String looksLike, String why) {
      reports.add(new FileReport(name, kind, looksLike, false, Map.of(), List.of(name + ": " + why)));
    }
  }
}
