package dev.regdoc.charts;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.analysis.FindingTexts;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.timeline.DeviceInfo;
import dev.regdoc.timeline.Timeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pictures of an analysis for the chat front ends and {@code --chart}: the timeline chart of
 * each device with a fault finding (its top finding's evidence emphasised) and the ladder around
 * the top finding. At most {@link #MAX_DEVICES} devices, so that a case with many phones stays
 * fast.
 */
public final class Pictures {
  public static final int MAX_DEVICES = 3;

  /**
   * {@code regdoc timeline --chart} draws this many phones at most (--device picks another one).
   */
  public static final int MAX_TIMELINE_DEVICES = 5;

  private Pictures() {}

  /** Pictures with finding codes as their titles' words (no knowledge base needed). */
  public static List<Picture> forAnalysis(Analysis a, String lang) {
    return forAnalysis(a, lang, null);
  }

  /** Pictures whose titles name the findings in {@code lang} ({@code texts} may be null). */
  public static List<Picture> forAnalysis(Analysis a, String lang, FindingTexts texts) {
    Labels labels = Labels.of(lang);
    Set<String> known =
        a.timeline().devices().stream().map(DeviceInfo::id).collect(Collectors.toSet());
    Map<String, Finding> topByDevice = new LinkedHashMap<>();
    for (Finding f : a.findings()) {
      if (f.isFault() && known.contains(f.device())) {
        topByDevice.putIfAbsent(f.device(), f);
      }
    }
    List<Picture> out = new ArrayList<>();
    for (Finding f : topByDevice.values().stream().limit(MAX_DEVICES).toList()) {
      out.add(timeline(a.timeline(), f.device(), f, title(f, lang, texts), labels));
    }
    if (!topByDevice.isEmpty()) {
      Finding top = topByDevice.values().iterator().next();
      out.add(ladder(a.timeline(), top, title(top, lang, texts), labels));
    }
    return out;
  }

  /**
   * For {@code regdoc timeline}: each device's timeline and the ladder around its first move or
   * unregistration.
   */
  public static List<Picture> forTimeline(Timeline t, String lang, int maxDevices) {
    Labels labels = Labels.of(lang);
    List<Picture> out = new ArrayList<>();
    for (DeviceInfo d : t.devices().stream().limit(maxDevices).toList()) {
      out.add(timeline(t, d.id(), null, null, labels));
      LadderScene ls = new LadderBuilder(t, d, labels).around(null, null);
      if (!ls.rows().isEmpty()) {
        out.add(
            new Picture(
                "ladder-" + safe(d.id()) + ".png", ls.title(), LadderPng.render(ls, labels).png()));
      }
    }
    return out;
  }

  /** Writes the pictures into {@code dir} (created if needed); returns the files written. */
  public static List<Path> write(List<Picture> pictures, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    for (Picture p : pictures) {
      Path f = dir.resolve(p.fileName());
      Files.write(f, p.png());
      out.add(f);
    }
    return out;
  }

  /**
   * For {@code --chart DIR}: writes the pictures and says where they went on {@code err} (so that
   * JSON on stdout stays clean); a folder that cannot be written gets one line naming it and why.
   *
   * @return false when the pictures could not be written
   */
  public static boolean writeAndTell(List<Picture> pictures, Path dir, PrintWriter err) {
    try {
      List<Path> files = write(pictures, dir);
      if (files.isEmpty()) {
        err.println(
            "regdoc: no pictures: nothing to draw (no phone with a fault, or no phone at all)");
      }
      files.forEach(f -> err.println("regdoc: wrote " + f));
      err.flush();
      return true;
    } catch (IOException | RuntimeException e) {
      err.println("regdoc: cannot write the pictures to " + dir + ": " + why(e));
      err.flush();
      return false;
    }
  }

  private static String why(Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    if (e instanceof NoSuchFileException) {
      return "a folder on the way does not exist";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Picture timeline(
      Timeline t, String device, Finding focus, String focusTitle, Labels labels) {
    TimelineScene scene = TimelineChart.scene(t, device, focus, focusTitle, labels);
    RenderedChart r = TimelineChart.render(scene, labels);
    return new Picture("timeline-" + safe(device) + ".png", scene.title(), r.png());
  }

  private static Picture ladder(Timeline t, Finding f, String focusTitle, Labels labels) {
    LadderScene scene = LadderDiagram.scene(t, f, focusTitle, labels);
    return new Picture(
        "ladder-" + safe(f.device()) + "-" + safe(f.code()) + ".png",
        scene.title(),
        LadderPng.render(scene, labels).png(),
        LadderText.render(scene, labels));
  }

  private static String title(Finding f, String lang, FindingTexts texts) {
    return texts == null ? null : texts.textOf(f, lang).title();
  }

  /** Letters, digits, dot, dash and underscore only: device ids come from captures. */
  static String safe(String s) {
    String v = s.replaceAll("[^A-Za-z0-9._-]", "_");
    return v.isEmpty() || v.startsWith(".") ? "_" + v : v;
  }
}
