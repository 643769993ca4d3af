package dev.regdoc.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A white picture to draw on with the pictures' rendering hints, given as PNG bytes when the
 * drawing is done.
 */
final class Canvas {
  private final BufferedImage image;
  private final Graphics2D g;

  private Canvas(BufferedImage image, Graphics2D g) {
    this.image = image;
    this.g = g;
  }

  static Canvas white(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    ChartStyle.hints(g);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    return new Canvas(image, g);
  }

  Graphics2D graphics() {
    return g;
  }

  /** Ends the drawing (the graphics may not be used after) and encodes the picture, in memory. */
  byte[] png() {
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    }
    return out.toByteArray();
  }
}
