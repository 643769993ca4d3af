package dev.regdoc.charts;

import java.util.List;

/**
 * A rendered ladder diagram and what was drawn: the scene, the PNG, the font, and every text.
 *
 * @param rowY the pixel y of each row's arrow, in the scene's row order
 */
public record RenderedLadder(
    LadderScene scene,
    byte[] png,
    int width,
    int height,
    String fontFamily,
    List<String> texts,
    List<Integer> rowY) {}
