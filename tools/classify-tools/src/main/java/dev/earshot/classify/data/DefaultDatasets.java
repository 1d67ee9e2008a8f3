package dev.earshot.classify.data;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The training data of the classifiers the classify-service ships, written as {@code
 * out/<label>/*.wav} (16 kHz mono 16-bit) plus {@code out/manifest.tsv} (file, label, source,
 * group, detail): {@code sound-type} ({@code speech}, {@code music}, {@code other}) and {@code
 * digits} ({@code zero}..{@code nine}, {@code unknown}, {@code silence}). Hold out whole groups
 * (voices, speakers, source recordings) for testing, or the scores will flatter the models.
 */
public final class DefaultDatasets {

  /** Clips per label by default: both datasets train in minutes on two cores. */
  public static final int SOUND_TYPE_PER_CLASS = 300;

  public static final int DIGITS_PER_CLASS = 120;

  private final Sources sources;
  private final RealSounds real;
  private final int threads;
  private final PrintStream progress;

  /**
   * @param progress told how far each dataset has got; may be null
   */
  public DefaultDatasets(Library library, SoundMaker maker, int threads, PrintStream progress) {
    this(library, RealSounds.none(), maker, threads, progress);
  }

  /**
   * @param real more real sources for {@code sound-type}, the same number of clips from each
   * @param progress told how far each dataset has got; may be null
   */
  public DefaultDatasets(
      Library library, RealSounds real, SoundMaker maker, int threads, PrintStream progress) {
    this.sources = new Sources(library, maker);
    this.real = real;
    this.threads = threads;
    this.progress = progress;
  }

  public static List<String> soundTypeLabels() {
    return SoundTypeDataset.LABELS;
  }

  public static List<String> digitLabels() {
    return DigitsDataset.LABELS;
  }

  public DatasetWriter.Summary soundType(Path out, long seed) throws IOException {
    return soundType(out, seed, SOUND_TYPE_PER_CLASS);
  }

  public DatasetWriter.Summary soundType(Path out, long seed, int perClass) throws IOException {
    return DatasetWriter.write(out, soundTypePlans(perClass, seed), seed, threads, progress);
  }

  public DatasetWriter.Summary digits(Path out, long seed) throws IOException {
    return digits(out, seed, DIGITS_PER_CLASS);
  }

  public DatasetWriter.Summary digits(Path out, long seed, int perClass) throws IOException {
    return DatasetWriter.write(out, digitPlans(perClass, seed), seed, threads, progress);
  }

  List<ClipPlan> soundTypePlans(int perClass, long seed) throws IOException {
    return new SoundTypeDataset(sources, real).plans(perClass, seed);
  }

  List<ClipPlan> digitPlans(int perClass, long seed) throws IOException {
    return new DigitsDataset(sources).plans(perClass, seed);
  }
}
