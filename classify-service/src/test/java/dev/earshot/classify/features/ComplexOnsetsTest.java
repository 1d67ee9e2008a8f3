package dev.earshot.classify.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import be.tarsos.dsp.onsets.ComplexOnsetDetector;
import dev.earshot.classify.TestAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ComplexOnsetsTest {

  private static final int RATE = 16_000;
  private static final int FRAME = FeatureSettings.DEFAULT.frameSize();
  private static final int HOP = FeatureSettings.DEFAULT.hopSize();

  @Test
  void findsTheOnsetsTarsosDspFindsOnRealSounds() throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> sounds = Files.list(TestAudio.freedesktop())) {
      sounds.filter(f -> f.toString().endsWith(".oga")).sorted().forEach(files::add);
    }
    try (Stream<Path> words = Files.list(TestAudio.scid())) {
      words.filter(f -> f.toString().endsWith(".wav")).sorted().limit(10).forEach(files::add);
    }
    assertThat(files).hasSizeGreaterThan(20);

    int onsets = 0;
    for (Path file : files) {
      float[] samples = TestAudio.load(file);
      List<Double> expected = tarsos(samples);
      List<Double> actual = ours(samples);

      // The same detection function up to rounding (TarsosDSP keeps phases as floats), so the same
      // peaks at the same frames.
      assertThat(actual).as(file.getFileName().toString()).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i))
            .as(file.getFileName() + " onset " + i)
            .isCloseTo(expected.get(i), within(1e-9));
      }
      onsets += expected.size();
    }
    assertThat(onsets).as("onsets in all files").isGreaterThan(20);
  }

  private static List<Double> tarsos(float[] samples) throws Exception {
    List<Double> onsets = new ArrayList<>();
    ComplexOnsetDetector detector = new ComplexOnsetDetector(FRAME);
    detector.setHandler((time, salience) -> onsets.add(time));
    run(samples, detector);
    return onsets;
  }

  private static List<Double> ours(float[] samples) throws Exception {
    List<Double> onsets = new ArrayList<>();
    run(samples, new ComplexOnsets(FRAME, (time, salience) -> onsets.add(time)));
    return onsets;
  }

  private static void run(float[] samples, be.tarsos.dsp.AudioProcessor detector) throws Exception {
    AudioDispatcher dispatcher =
        AudioDispatcherFactory.fromFloatArray(samples.clone(), RATE, FRAME, FRAME - HOP);
    dispatcher.addAudioProcessor(detector);
    dispatcher.run();
  }
}
