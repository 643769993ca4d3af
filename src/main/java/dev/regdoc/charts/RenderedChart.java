package dev.regdoc.charts;

import java.util.List;
import java.util.Map;

/**
 * A rendered timeline chart and what was drawn in it, so that tests (and callers) can check the
 * picture's structure without comparing pixels.
 *
 * @param fontFamily the font every text was drawn with
 * @param texts every text drawn (titles, legend entries, lane names, labels)
 * @param series per panel, each XChart series name with its number of points
 * @param timeAxes per panel, the pixel x of the window's start and end (equal when the panels line
 *     up)
 */
public record RenderedChart(
    TimelineScene scene,
    byte[] png,
    int width,
    int height,
    String fontFamily,
    List<String> texts,
    Map<String, Map<String, Integer>> series,
    Map<String, int[]> timeAxes) {}
