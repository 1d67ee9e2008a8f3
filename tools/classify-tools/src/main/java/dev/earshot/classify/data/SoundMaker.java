package dev.earshot.classify.data;

import java.io.IOException;
import java.util.List;

/**
 * Text and sound-synthesis commands in, 16 kHz mono samples out: what the dataset builder needs
 * from espeak-ng and SoX ({@link Synthesiser}), so that tests can stand in for them.
 */
public interface SoundMaker {

  /** Says {@code text} with an espeak-ng voice. */
  float[] speak(Voice voice, String text) throws IOException;

  /**
   * Runs {@code sox -c CHANNELS -n OUT <args>}: {@code args} are a {@code synth} command and
   * effects, e.g. {@code synth 2 pinknoise lowpass 2000 vol 0.1}; a {@code synth} with several
   * tones needs as many channels, which are then mixed into one.
   */
  float[] generate(int channels, List<String> args) throws IOException;

  /** Runs {@code sox IN OUT <effects>} on the samples, e.g. {@code pitch 200 reverb 40}. */
  float[] process(float[] samples, List<String> effects) throws IOException;
}
