package dev.earshot.stt.model;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.stt.config.SttSettings;
import dev.earshot.whisper.SpeechDetector;
import dev.earshot.whisper.Transcriber;
import dev.earshot.whisper.WhisperModel;
import dev.earshot.whisper.WhisperModels;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The Whisper model as the settings ask for it, with the speech detector and the batching.
 *
 * @param decoding {@link SttSettings#decodingSignature()}, which transcripts carry
 */
public record LoadedModel(
    WhisperModel model, SpeechDetector detector, SpeechToText speechToText, String decoding)
    implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LoadedModel.class);

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
        model,
        detector,
        new SpeechToText(transcriber, settings.batchSize()),
        settings.decodingSignature());
  }

  @Override
  public void close() {
    model.close();
    if (detector != null) {
      detector.close();
    }
  }
}
