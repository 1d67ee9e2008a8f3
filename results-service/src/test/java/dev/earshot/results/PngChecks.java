package dev.earshot.results;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** What a person looking at a decoded chart would notice first: is anything drawn, and where. */
public final class PngChecks {

  private PngChecks() {}

  /** Distinct colours on a 2-pixel grid; a blank or single-colour image has one or two. */
  public static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  /**
   * Share of the image's centre (x 20–90 %, y 20–80 %, inside any chart's plot area) that is not
   * light background. A chart that says "no data" scores a few percent for its message; a drawn
   * heat map (magma runs from black to light yellow) covers most of it.
   */
  public static double inkInCentre(BufferedImage image) {
    int inked = 0;
    int total = 0;
    for (int y = image.getHeight() / 5; y < image.getHeight() * 4 / 5; y += 2) {
      for (int x = image.getWidth() / 5; x < image.getWidth() * 9 / 10; x += 2) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (0.2126 * r + 0.7152 * g + 0.0722 * b < 200) {
          inked++;
        }
        total++;
      }
    }
    return (double) inked / total;
  }
}
