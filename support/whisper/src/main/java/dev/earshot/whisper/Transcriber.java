package dev.earshot.whisper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transcribes windows of up to 30 s with a {@link WhisperModel}, the way OpenAI's reference
 * transcribe() decodes one window: language detection and the no-speech probability from the first
 * decoder pass, greedy or beam search, and temperature fallback when the text loops or the model is
 * unsure. Several windows are encoded as one batch. Thread-safe.
 */
public final class Transcriber {

  private final WhisperModel model;
  private final WhisperConfig config;
  private final DecodingOptions options;
  private final TokenSearch search;
  private final int[] languageTokens;
  private final String[] languageCodes;
  private final SpeechDetector speechDetector;
  private final Guards guards;
  private final boolean[] allowedLanguage;
  private final Map<String, Integer> languageIndex = new LinkedHashMap<>();
  private final boolean timesWords;

  public Transcriber(WhisperModel model, DecodingOptions options) {
    this(model, options, null);
  }

  /**
   * With a speech detector, windows in which it finds no speech are returned silent without running
   * Whisper, which would otherwise tend to invent text for noise.
   */
  public Transcriber(WhisperModel model, DecodingOptions options, SpeechDetector speechDetector) {
    this.speechDetector = speechDetector;
    this.model = model;
    this.config = model.config();
    this.options = options;
    this.search = new TokenSearch(config, new LogitFilters(config, options), options);
    this.languageCodes = config.languages().keySet().toArray(String[]::new);
    this.languageTokens =
        config.languages().values().stream().mapToInt(Integer::intValue).toArray();
    this.guards = options.guards();
    this.timesWords = options.wordTimestamps() && model.timesWords();
    this.allowedLanguage = new boolean[languageCodes.length];
    for (int i = 0; i < languageCodes.length; i++) {
      languageIndex.put(languageCodes[i], i);
      allowedLanguage[i] =
          guards.languages().isEmpty() || guards.languages().contains(languageCodes[i]);
    }
    if (config.multilingual()) {
      for (String code : guards.languages()) {
        if (!config.languages().containsKey(code)) {
          throw new IllegalArgumentException(
              "Expected language '"
                  + code
                  + "' is not one of the model's languages "
                  + config.languages().keySet());
        }
      }
    }
    if (options.language() != null
        && config.multilingual()
        && !config.languages().containsKey(options.language())) {
      throw new IllegalArgumentException(
          "Language '"
              + options.language()
              + "' is not one of the model's languages "
              + config.languages().keySet());
    }
    if (options.task() == DecodingOptions.Task.TRANSLATE && !config.multilingual()) {
      throw new IllegalArgumentException(config.name() + " is English-only and cannot translate");
    }
  }

  public WhisperModel model() {
    return model;
  }

  public DecodingOptions options() {
    return options;
  }

  public Transcription transcribe(AudioWindow window) {
    return transcribe(List.of(window)).get(0);
  }

  /** Transcribes the windows, encoding them as one batch; results are in the same order. */
  public List<Transcription> transcribe(List<AudioWindow> windows) {
    return decode(encode(windows));
  }

  /**
   * Windows after the first phase (speech check, features, encoder), ready for {@link #decode}. The
   * phases may run on different threads, so one batch can be decoded while the next is encoded.
   */
  public static final class Encoded {
    private final List<AudioWindow> windows;
    private final Transcription[] results;
    private final List<Integer> speech;
    private final EncodedAudio[] audio;
    private final int[] item;
    private final double[] featureMs;
    private final double[] encoderMs;
    private final double[] detectorMs;
    private final boolean[] doubtful;

    private Encoded(
        List<AudioWindow> windows,
        Transcription[] results,
        List<Integer> speech,
        EncodedAudio[] audio,
        int[] item,
        double[] featureMs,
        double[] encoderMs,
        double[] detectorMs,
        boolean[] doubtful) {
      this.windows = windows;
      this.results = results;
      this.speech = speech;
      this.audio = audio;
      this.item = item;
      this.featureMs = featureMs;
      this.encoderMs = encoderMs;
      this.detectorMs = detectorMs;
      this.doubtful = doubtful;
    }

    public int size() {
      return windows.size();
    }
  }

  /**
   * The first phase: silent windows are settled, the others are encoded in batches of the same
   * encoder window.
   */
  public Encoded encode(List<AudioWindow> windows) {
    Transcription[] results = new Transcription[windows.size()];
    // The speech detector's time counts as the window's feature time: it is model compute too.
    double[] detectorMs = new double[windows.size()];
    boolean[] doubtful = new boolean[windows.size()];
    List<Integer> speech = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      AudioWindow window = windows.get(i);
      double seconds = window.durationSeconds(config.sampleRate());
      if (seconds > config.windowSeconds() + 1e-9) {
        throw new IllegalArgumentException(
            String.format(
                "A window may hold at most %.0f s of audio, got %.3f s (cut recordings into chunks"
                    + " first)",
                config.windowSeconds(), seconds));
      }
      if (speechDetector != null) {
        long start = System.nanoTime();
        SpeechDetector.Verdict verdict = speechDetector.judge(window.samples());
        detectorMs[i] = (System.nanoTime() - start) / 1e6;
        if (verdict == SpeechDetector.Verdict.SILENCE
            && options.guards().doubtsSilence(seconds, speechDetector.minSpeechSeconds())) {
          verdict = SpeechDetector.Verdict.DOUBTFUL;
        }
        if (verdict == SpeechDetector.Verdict.SILENCE) {
          results[i] = silence(detectorMs[i], seconds);
          continue;
        }
        doubtful[i] = verdict == SpeechDetector.Verdict.DOUBTFUL;
      }
      speech.add(i);
    }
    if (speech.isEmpty()) {
      return new Encoded(
          windows,
          results,
          speech,
          new EncodedAudio[0],
          new int[0],
          new double[0],
          new double[0],
          detectorMs,
          doubtful);
    }
    // Windows are encoded in groups of the same encoder window, so that a window's text does not
    // depend on the company it keeps in a batch.
    Map<Integer, List<Integer>> byFrames = new LinkedHashMap<>();
    for (int j = 0; j < speech.size(); j++) {
      double seconds = windows.get(speech.get(j)).durationSeconds(config.sampleRate());
      byFrames.computeIfAbsent(encoderFrames(seconds), k -> new ArrayList<>()).add(j);
    }
    EncodedAudio[] audio = new EncodedAudio[speech.size()];
    int[] item = new int[speech.size()];
    double[] featureMs = new double[speech.size()];
    double[] encoderMs = new double[speech.size()];
    for (Map.Entry<Integer, List<Integer>> group : byFrames.entrySet()) {
      int frames = group.getKey();
      List<Integer> members = group.getValue();
      long start = System.nanoTime();
      float[] features = features(windows, speech, members, frames);
      long featuresDone = System.nanoTime();
      EncodedAudio encoded = model.encode(features, members.size(), frames);
      long encodedAt = System.nanoTime();
      for (int k = 0; k < members.size(); k++) {
        int j = members.get(k);
        audio[j] = encoded;
        item[j] = k;
        featureMs[j] = (featuresDone - start) / 1e6 / members.size();
        encoderMs[j] = (encodedAt - featuresDone) / 1e6 / members.size();
      }
    }
    return new Encoded(
        windows, results, speech, audio, item, featureMs, encoderMs, detectorMs, doubtful);
  }

  /** Log-mel features [members, mels, frames] of some of the speech windows. */
  private float[] features(
      List<AudioWindow> windows, List<Integer> speech, List<Integer> members, int frames) {
    int full = config.melFrames();
    float[] features = new float[members.size() * config.melBins() * frames];
    float[] window = frames == full ? features : new float[config.melBins() * full];
    for (int k = 0; k < members.size(); k++) {
      float[] samples = windows.get(speech.get(members.get(k))).samples();
      if (frames == full) {
        model.logMel().compute(samples, features, k * config.melBins() * full);
        continue;
      }
      // The first frames of the 30 s features are the shorter window's: the padding that follows
      // is silence, which neither sets the maximum the log-mel is clamped to nor changes a frame.
      model.logMel().compute(samples, window, 0);
      for (int bin = 0; bin < config.melBins(); bin++) {
        System.arraycopy(
            window, bin * full, features, (k * config.melBins() + bin) * frames, frames);
      }
    }
    return features;
  }

  /** Log-mel frames of the encoder window for a window of this much audio. */
  private int encoderFrames(double seconds) {
    if (!model.takesShortWindows()) {
      return config.melFrames();
    }
    double window = guards.encoderSeconds(seconds, config.windowSeconds());
    double perSecond = config.melFrames() / config.windowSeconds();
    // Even: the encoder's second convolution halves the frames.
    return Math.min(config.melFrames(), 2 * (int) Math.ceil(window * perSecond / 2));
  }

  /**
   * The second phase: decodes every encoded window, one after the other; results are in the order
   * of the windows. (Decoding several windows as rows of one batch was tried and dropped: the int8
   * decoder quantises all rows with one scale, which changed the text, and it was not faster.)
   */
  public List<Transcription> decode(Encoded encoded) {
    Transcription[] results = encoded.results.clone();
    for (int j = 0; j < encoded.speech.size(); j++) {
      long decodeStart = System.nanoTime();
      AudioWindow window = encoded.windows.get(encoded.speech.get(j));
      double duration = window.durationSeconds(config.sampleRate());
      Decoded decoded =
          decodeWindow(encoded.audio[j], encoded.item[j], duration, window.languageHint());
      double decoderMs = (System.nanoTime() - decodeStart) / 1e6;
      double featureMs = encoded.featureMs[j] + encoded.detectorMs[encoded.speech.get(j)];
      double totalMs = featureMs + encoded.encoderMs[j] + decoderMs;
      var timings =
          new Transcription.Timings(
              featureMs,
              encoded.encoderMs[j],
              decoderMs,
              totalMs,
              duration > 0 ? totalMs / 1000 / duration : 0);
      // A window the speech detector doubted counts as speech only if Whisper agrees.
      boolean silent =
          encoded.doubtful[encoded.speech.get(j)] && decoded.noSpeech > options.noSpeechThreshold();
      results[encoded.speech.get(j)] =
          silent
              ? silence(timings)
              : decoded.toTranscription(window.offsetSeconds(), duration, timings);
    }
    return List.of(results);
  }

  private Transcription silence(double detectorMs, double seconds) {
    return silence(
        new Transcription.Timings(
            detectorMs, 0, 0, detectorMs, seconds > 0 ? detectorMs / 1000 / seconds : 0));
  }

  private Transcription silence(Transcription.Timings timings) {
    return new Transcription(
        "", List.of(), options.language(), null, 1.0, 0.0, 0.0, 0.0, 0, true, timings);
  }

  /** What decoding one window produced, before times are placed in the recording. */
  private final class Decoded {
    final List<Integer> tokens;
    final String language;
    final Double languageProbability;
    final double noSpeech;
    final double avgLogProb;
    final double compressionRatio;
    final double temperature;
    final boolean silent;

    /** The words of the text with times in seconds of the window, when they were aligned. */
    List<WordAlignment.Timing> words = List.of();

    Decoded(
        Attempt attempt,
        String language,
        Double languageProbability,
        double noSpeech,
        double temperature) {
      this.tokens = attempt.tokens;
      this.language = language;
      this.languageProbability = languageProbability;
      this.noSpeech = noSpeech;
      this.avgLogProb = attempt.avgLogProb();
      this.compressionRatio = attempt.compressionRatio;
      this.temperature = temperature;
      this.silent =
          noSpeech > options.noSpeechThreshold() && avgLogProb <= options.logProbThreshold();
    }

    Transcription toTranscription(double offset, double duration, Transcription.Timings timings) {
      List<Transcription.Segment> segments = silent ? List.of() : segments(offset, duration);
      StringBuilder text = new StringBuilder();
      segments.forEach(s -> text.append(s.text()));
      return new Transcription(
          text.toString().strip(),
          segments,
          language,
          languageProbability,
          noSpeech,
          avgLogProb,
          compressionRatio,
          temperature,
          tokens.size(),
          silent,
          timings);
    }

    /**
     * Segments between consecutive timestamp pairs, as OpenAI splits a window; text after the last
     * timestamp runs to the end of the window, since no later window re-decodes it here. With
     * aligned words, the segments take their words and the words' bounds as OpenAI's do.
     */
    private List<Transcription.Segment> segments(double offset, double duration) {
      SpecialTokens t = config.tokens();
      // Every stretch of tokens, blank ones too, so that the words are dealt out by token count.
      List<WordAlignment.Span> spans = new ArrayList<>();
      if (!options.timestamps()) {
        spans.add(span(0, duration, 0, tokens.size()));
      } else {
        int openToken = -1;
        int textFrom = 0;
        double lastEnd = 0;
        for (int i = 0; i < tokens.size(); i++) {
          int token = tokens.get(i);
          if (!t.isTimestamp(token)) {
            continue;
          }
          if (openToken < 0) {
            openToken = token;
          } else {
            // Padding past the end of a short window is silence: no segment ends beyond the audio.
            double start = Math.min(t.secondsOf(openToken), duration);
            double end = Math.max(start, Math.min(t.secondsOf(token), duration));
            WordAlignment.Span span = span(start, end, textFrom, i);
            if (!span.text().isBlank()) {
              lastEnd = end;
            }
            spans.add(span);
            openToken = -1;
          }
          textFrom = i + 1;
        }
        if (textFrom < tokens.size()) {
          double from = openToken >= 0 ? Math.min(t.secondsOf(openToken), duration) : lastEnd;
          spans.add(span(from, duration, textFrom, tokens.size()));
        }
      }
      List<Transcription.Segment> segments =
          words.isEmpty()
              ? spans.stream()
                  .map(
                      s ->
                          new Transcription.Segment(offset + s.start(), offset + s.end(), s.text()))
                  .toList()
              : WordAlignment.addWordTimestamps(spans, words, offset);
      return segments.stream().filter(s -> !s.text().isBlank()).toList();
    }

    private WordAlignment.Span span(double start, double end, int from, int to) {
      int eot = config.tokens().endOfText();
      int text = (int) tokens.subList(from, to).stream().filter(id -> id < eot).count();
      return new WordAlignment.Span(start, end, decodeText(tokens, from, to), text);
    }
  }

  private String decodeText(List<Integer> tokens, int from, int to) {
    int[] text =
        tokens.subList(from, to).stream()
            .mapToInt(Integer::intValue)
            .filter(id -> id < config.tokens().endOfText())
            .toArray();
    return model.tokenizer().decode(text);
  }

  private Decoded decodeWindow(EncodedAudio audio, int item, double seconds, String hint) {
    String language;
    Double languageProbability = null;
    if (!config.multilingual()) {
      language = "en";
    } else if (options.language() != null) {
      language = options.language();
    } else {
      // OpenAI's detect_language: a pass over <|startoftranscript|> alone.
      try (DecoderSession session = model.decoder(audio, item)) {
        float[] afterSot = session.prefill(new int[] {config.tokens().startOfTranscript()})[0];
        double[] probabilities = languageProbabilities(afterSot);
        int best = detectLanguage(probabilities);
        language = languageCodes[best];
        languageProbability = probabilities[best];
        // The no-speech probability comes from this same position (the decoder is causal), so it
        // is known here: a window that is probably silence keeps its detected language, for a
        // forced one would make the model confident in invented words.
        boolean speech = noSpeechProbability(afterSot) <= options.noSpeechThreshold();
        if (probabilities[best] < guards.languageThreshold() && speech) {
          // A word or two says little about its language; the recording, or the configured
          // fallback, is the better guess.
          String instead = hint != null ? hint : guards.fallbackLanguage();
          Integer index = instead == null ? null : languageIndex.get(instead);
          if (index != null && allowedLanguage[index]) {
            language = instead;
            languageProbability = probabilities[index];
          }
        }
      }
    }
    boolean shortWindow = guards.isShort(seconds);
    TokenSearch.Limits limits =
        new TokenSearch.Limits(
            guards.tokenBudget(seconds, options.maxTokens()),
            guards.timestampsWithinAudio()
                ? (int) Math.ceil(seconds / SpecialTokens.TIMESTAMP_STEP) + 1
                : -1,
            shortWindow
                ? Math.max(options.beamSize(), guards.shortBeamSize())
                : options.beamSize());
    // The whole prompt in one pass, as the reference decoders run it: the int8 model quantises
    // activations per call, so feeding the prompt in pieces would not give the same text.
    int[] prompt = prompt(language);
    Decoded decoded;
    try (DecoderSession session = model.decoder(audio, item)) {
      float[][] logits = session.prefill(prompt);
      // The no-speech token is predicted right after <|startoftranscript|>, which an initial
      // prompt moves along.
      double noSpeech = noSpeechProbability(logits[prompt.length - promptTail(language)]);
      float[] afterPrompt = logits[logits.length - 1];
      Attempt attempt =
          new Attempt(
              search.search(session, afterPrompt.clone(), options.temperatures()[0], 0, limits));
      decoded =
          shortWindow && !guards.shortFallback()
              ? new Decoded(
                  attempt, language, languageProbability, noSpeech, options.temperatures()[0])
              : fallBack(
                  session, afterPrompt, attempt, language, languageProbability, noSpeech, limits);
    }
    if (timesWords && !decoded.silent) {
      decoded.words = alignWords(audio, item, sotSequence(language), decoded, seconds);
    }
    return decoded;
  }

  /**
   * OpenAI's find_alignment: one more decoder pass, over {@code <sot sequence> <|notimestamps|>
   * text <|endoftext|>}, whose alignment heads' cross-attention places the words in the window's
   * audio.
   */
  private List<WordAlignment.Timing> alignWords(
      EncodedAudio audio, int item, int[] sotSequence, Decoded decoded, double seconds) {
    SpecialTokens t = config.tokens();
    List<Integer> text = decoded.tokens.stream().filter(id -> id < t.endOfText()).toList();
    // The window's audio positions, as OpenAI cuts the weights to num_frames // 2.
    int frames =
        Math.min(
            audio.positions(),
            (int) Math.round(seconds * config.sampleRate()) / config.hopLength() / 2);
    if (text.isEmpty() || frames < 1) {
      return List.of();
    }
    int[] tokens = new int[sotSequence.length + text.size() + 2];
    System.arraycopy(sotSequence, 0, tokens, 0, sotSequence.length);
    tokens[sotSequence.length] = t.noTimestamps();
    for (int i = 0; i < text.size(); i++) {
      tokens[sotSequence.length + 1 + i] = text.get(i);
    }
    tokens[tokens.length - 1] = t.endOfText();
    DecoderSession.CrossAttention attention;
    try (DecoderSession session = model.decoder(audio, item)) {
      attention = session.crossAttention(tokens, config.alignmentHeads(), frames, t.endOfText());
    }
    int firstText = sotSequence.length + 1;
    return WordAlignment.align(
        model.tokenizer(),
        decoded.language,
        text,
        attention.weights(),
        sotSequence.length,
        Arrays.copyOfRange(attention.probabilities(), firstText, firstText + text.size()));
  }

  /** Decodes again at the next temperatures while the result is poor, as OpenAI does. */
  private Decoded fallBack(
      DecoderSession prefilled,
      float[] afterPrompt,
      Attempt first,
      String language,
      Double languageProbability,
      double noSpeech,
      TokenSearch.Limits limits) {
    double[] temperatures = options.temperatures();
    Attempt attempt = first;
    double usedTemperature = temperatures[0];
    // When no temperature passes, the likeliest attempt that does not loop is kept rather than the
    // last one, as faster-whisper does: on a word or two, sampling at 1.0 mostly gives noise.
    Attempt best = first;
    double bestTemperature = usedTemperature;
    for (int i = 1; i < temperatures.length && needsFallback(attempt, noSpeech); i++) {
      usedTemperature = temperatures[i];
      try (DecoderSession session = prefilled.forkFromPrefill()) {
        attempt =
            new Attempt(search.search(session, afterPrompt.clone(), usedTemperature, i, limits));
      }
      if (better(attempt, best)) {
        best = attempt;
        bestTemperature = usedTemperature;
      }
    }
    if (needsFallback(attempt, noSpeech) && best != attempt) {
      return new Decoded(best, language, languageProbability, noSpeech, bestTemperature);
    }
    return new Decoded(attempt, language, languageProbability, noSpeech, usedTemperature);
  }

  private double noSpeechProbability(float[] afterSot) {
    return Math.exp(Numerics.logSoftmax(afterSot)[config.tokens().noSpeech()]);
  }

  /** Text that does not loop beats text that does; then the higher average log-probability. */
  private boolean better(Attempt candidate, Attempt than) {
    boolean loops = candidate.compressionRatio > options.compressionRatioThreshold();
    boolean thanLoops = than.compressionRatio > options.compressionRatioThreshold();
    if (loops != thanLoops) {
      return !loops;
    }
    return candidate.avgLogProb() > than.avgLogProb();
  }

  private boolean needsFallback(Attempt attempt, double noSpeech) {
    boolean poor =
        attempt.compressionRatio > options.compressionRatioThreshold()
            || attempt.avgLogProb() < options.logProbThreshold();
    boolean silence =
        noSpeech > options.noSpeechThreshold() && attempt.avgLogProb() < options.logProbThreshold();
    return poor && !silence;
  }

  /**
   * {@code [<|startofprev|> initial prompt] <|startoftranscript|> [<|lang|> <|task|>]
   * [<|notimestamps|>]}; the initial prompt keeps at most its last 223 tokens, as OpenAI's decoder
   * does, so the text has room in the 448-token context.
   */
  private int[] prompt(String language) {
    int[] sot = sotSequence(language);
    int[] previous = previousText();
    int[] prompt = new int[previous.length + sot.length + (options.timestamps() ? 0 : 1)];
    System.arraycopy(previous, 0, prompt, 0, previous.length);
    System.arraycopy(sot, 0, prompt, previous.length, sot.length);
    if (!options.timestamps()) {
      prompt[prompt.length - 1] = config.tokens().noTimestamps();
    }
    return prompt;
  }

  /** How many prompt tokens follow {@code <|startoftranscript|>}'s logits row, itself included. */
  private int promptTail(String language) {
    return sotSequence(language).length + (options.timestamps() ? 0 : 1);
  }

  /** {@code <|startofprev|>} and the initial prompt's tokens, or nothing without one. */
  private int[] previousText() {
    if (options.initialPrompt() == null || config.tokens().startOfPrev() < 0) {
      return new int[0];
    }
    int[] text = model.tokenizer().encode(" " + options.initialPrompt().strip());
    int keep = Math.min(text.length, MAX_PROMPT_TOKENS);
    int[] previous = new int[keep + 1];
    previous[0] = config.tokens().startOfPrev();
    System.arraycopy(text, text.length - keep, previous, 1, keep);
    return previous;
  }

  /** OpenAI's limit on previous text: half the 448-token context, less one. */
  private static final int MAX_PROMPT_TOKENS = 223;

  /** {@code <|startoftranscript|> [<|lang|> <|task|>]}: OpenAI's sot_sequence. */
  private int[] sotSequence(String language) {
    SpecialTokens t = config.tokens();
    if (!config.multilingual()) {
      return new int[] {t.startOfTranscript()};
    }
    return new int[] {
      t.startOfTranscript(),
      config.languages().get(language),
      options.task() == DecodingOptions.Task.TRANSLATE ? t.translate() : t.transcribe()
    };
  }

  /** The most likely language among the allowed ones. */
  private int detectLanguage(double[] probabilities) {
    int best = -1;
    for (int i = 0; i < probabilities.length; i++) {
      if (allowedLanguage[i] && (best < 0 || probabilities[i] > probabilities[best])) {
        best = i;
      }
    }
    return best;
  }

  /** Probability of each of the model's languages, in {@link WhisperConfig#languages()} order. */
  private double[] languageProbabilities(float[] logits) {
    float[] restricted = new float[languageTokens.length];
    for (int i = 0; i < languageTokens.length; i++) {
      restricted[i] = allowedLanguage[i] ? logits[languageTokens[i]] : Float.NEGATIVE_INFINITY;
    }
    double[] logProbs = Numerics.logSoftmax(restricted);
    double[] probs = new double[logProbs.length];
    for (int i = 0; i < probs.length; i++) {
      probs[i] = Math.exp(logProbs[i]);
    }
    return probs;
  }

  /** Detected language probabilities for an encoded window, most likely first. */
  public Map<String, Double> languageProbabilities(EncodedAudio audio, int item) {
    if (!config.multilingual()) {
      return Map.of("en", 1.0);
    }
    try (DecoderSession session = model.decoder(audio, item)) {
      float[] afterSot = session.prefill(new int[] {config.tokens().startOfTranscript()})[0];
      double[] probs = languageProbabilities(afterSot);
      Integer[] order = new Integer[probs.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble(i -> -probs[i]));
      Map<String, Double> result = new LinkedHashMap<>();
      for (int i : order) {
        result.put(languageCodes[i], probs[i]);
      }
      return Collections.unmodifiableMap(result);
    }
  }

  /** A finished candidate with the compression ratio of its text, for the fallback rule. */
  private final class Attempt {
    final List<Integer> tokens;
    final double sumLogProb;
    final double compressionRatio;

    Attempt(TokenSearch.Candidate candidate) {
      this.tokens = candidate.tokens();
      this.sumLogProb = candidate.sumLogProb();
      this.compressionRatio =
          Numerics.compressionRatio(decodeText(tokens, 0, tokens.size()).strip());
    }

    /** OpenAI's average: the end token counts as one more token. */
    double avgLogProb() {
      return sumLogProb / (tokens.size() + 1);
    }
  }
}
