package dev.regdoc.charts;

import dev.regdoc.diagnosis.Finding;
import dev.regdoc.timeline.Timeline;
import java.time.Instant;

/**
 * The message sequence between phone, switch or firewall (when their configuration was given) and
 * the CUCMs, for a time window around a finding, as plain text or PNG.
 */
public final class LadderDiagram {
  private LadderDiagram() {}

  /** The ladder around {@code focus}'s key evidence (the frames it cites). */
  public static LadderScene scene(Timeline t, Finding focus, String focusTitle, Labels labels) {
    return new LadderBuilder(t, DeviceSceneBuilder.device(t, focus.device()), labels)
        .around(focus, focusTitle);
  }

  /**
   * The ladder of {@code device} between {@code from} and {@code to}, with {@code focus}'s evidence
   * marked (may be null).
   */
  public static LadderScene scene(
      Timeline t, String device, Instant from, Instant to, Finding focus, Labels labels) {
    return new LadderBuilder(t, DeviceSceneBuilder.device(t, device), labels)
        .build(from, to, focus, null);
  }

  /** Plain text for a terminal. */
  public static String text(LadderScene scene, Labels labels) {
    return LadderText.render(scene, labels);
  }

  /** Plain text of the ladder around {@code focus}, in {@code lang}. */
  public static String text(Timeline t, Finding focus, String lang) {
    Labels l = Labels.of(lang);
    return text(scene(t, focus, null, l), l);
  }

  public static RenderedLadder png(LadderScene scene, Labels labels) {
    return LadderPng.render(scene, labels);
  }
}
