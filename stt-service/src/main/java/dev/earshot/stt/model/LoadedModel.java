package dev.earshot.stt.model;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.stt.config.SttSettings;
import dev.earshot.whisper.DecodingOptions;
import dev.earshot.whisper.SpeechDetector;
import dev.earshot.whisper.Transcriber;
import dev.earshot.whisper.WhisperModel;
import dev.earshot.whisper.WhisperModels;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The Whisper model as the settings ask for it, with the speech detector and the batching; and, for
 * chunks whose uploader asked for a task, language or temperature of their own, the same model with
 * those wishes.
 */
public final class LoadedModel implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LoadedModel.class);

  /**
   * Distinct wishes kept at once; each costs a decoder thread's worth of nothing but a map entry.
   */
  private static final int MAX_WISHES = 64;

  private final WhisperModel model;
  private final SpeechDetector detector;
  private final SpeechToText speechToText;
  private final SttSettings settings;
  private final Map<Wishes, SpeechToText> wished =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Wishes, SpeechToText> eldest) {
          return size() > MAX_WISHES;
        }
      };

  public LoadedModel(
      WhisperModel model,
      SpeechDetector detector,
      SpeechToText speechToText,
      SttSettings settings) {
    this.model = model;
    this.detector = detector;
    this.speechToText = speechToText;
    this.settings = settings;
  }

  /** Fetches the model when it is not in the cache yet, and opens it. */
  public static LoadedModel load(SttSettings settings, AssetCache cache) throws Exception {
    Path folder = WhisperModels.resolve(settings.model(), cache);
    WhisperModel model = WhisperModel.load(folder, settings.whisper());
    SpeechDetector detector =
        settings.vad() == null
            ? null
            : SpeechDetector.load(cache.fetch(Catalog.SILERO_VAD), settings.vad());
    var transcriber = new Transcriber(model, settings.decoding(), detector);
    LOG.infof("Whisper %s (%s) on %s", model.id(), model.version(), model.executionProvider());
    LOG.infof(
        "Decoding settings %s: %s", settings.decodingSignature(), settings.decodingDescription());
    return new LoadedModel(
        model, detector, new SpeechToText(transcriber, settings.batchSize()), settings);
  }

  public WhisperModel model() {
    return model;
  }

  public SpeechDetector detector() {
    return detector;
  }

  /** The worker's own settings. */
  public SpeechToText speechToText() {
    return speechToText;
  }

  /**
   * The model with an uploader's wishes applied to the worker's settings.
   *
   * @throws IllegalArgumentException for a task or language the model does not know
   */
  public SpeechToText speechToText(Wishes wishes) {
    if (wishes.isEmpty()) {
      return speechToText;
    }
    synchronized (wished) {
      SpeechToText found = wished.get(wishes);
      if (found == null) {
        found =
            new SpeechToText(
                new Transcriber(model, wishes.apply(settings.decoding()), detector),
                settings.batchSize());
        wished.put(wishes, found);
      }
      return found;
    }
  }

  /**
   * The worker's settings for live captions: with the fallback temperatures or, without, only the
   * first one. A caption is decoded again a second later anyway, and sampling up to five candidates
   * at each of five more temperatures took a caption's decoding from under a second to ten on two
   * cores (measured with {@code bench captions}), holding every word behind it.
   */
  public Transcriber captioning(boolean fallback) {
    if (fallback) {
      return speechToText.transcriber();
    }
    synchronized (this) {
      if (captioning == null) {
        DecodingOptions decoding = settings.decoding();
        captioning =
            new Transcriber(model, decoding.withTemperatures(decoding.temperatures()[0]), detector);
      }
      return captioning;
    }
  }

  private Transcriber captioning;

  /** {@link SttSettings#decodingSignature()}, which transcripts carry. */
  public String decoding() {
    return settings.decodingSignature();
  }

  /** The settings hash of transcripts made with these wishes. */
  public String decoding(Wishes wishes) {
    return wishes.isEmpty()
        ? decoding()
        : SttSettings.signature(settings.decodingDescription() + " " + wishes.describe());
  }

  @Override
  public void close() {
    model.close();
    if (detector != null) {
      detector.close();
    }
  }
}
