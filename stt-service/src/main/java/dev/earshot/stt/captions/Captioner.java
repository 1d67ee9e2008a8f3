package dev.earshot.stt.captions;

import dev.earshot.whisper.AudioWindow;
import dev.earshot.whisper.Transcription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Live captions of one open stream, as whisper_streaming makes them (Macháček et al., 2023): the
 * audio since the last trim point is re-decoded with Whisper about once a second, and the words two
 * successive hypotheses agree on (after what is committed already) are committed
 * (LocalAgreement-2); the rest of the newest hypothesis is the partial text. Once the buffer is
 * longer than {@link Settings#trimSeconds()}, it is cut at the end of a segment whose words are all
 * committed, so the re-decoded audio stays short; Whisper's segment ends fall in pauses. At the end
 * of the stream everything left is committed.
 *
 * <p>Without word timestamps, the committed words still in the buffer are found in each new
 * hypothesis by aligning them with its start (edit distance), so a word Whisper spells differently
 * the second time is not committed twice. Not thread-safe: one thread at a time per stream.
 */
public final class Captioner {

  /** Whisper's rate; the pieces arrive at it. */
  public static final int RATE = 16_000;

  /** Whisper's window: more audio than this cannot be decoded at once. */
  private static final double WINDOW_SECONDS = 30.0;

  /**
   * How far past the end of committed audio a segment may end and still count as committed: Whisper
   * places a segment's end within a few tenths of a second of where it placed it before.
   */
  private static final double TIME_SLACK = 0.2;

  /**
   * Audio after the last segment's end that makes it a real end, not where the audio stopped: about
   * two words.
   */
  private static final double UNHEARD_SECONDS = 1.0;

  /** Audio after the last segment that Whisper has ignored when every word is committed. */
  private static final double IGNORED_SECONDS = 2.0;

  /** Committed words remembered to drop their repetition right after a cut (whisper_streaming). */
  private static final int OVERLAP_WORDS = 5;

  /**
   * @param updateSeconds new audio that makes a stream due for another decoding
   * @param trimSeconds a buffer longer than this is cut at a committed segment's end
   * @param maxBufferSeconds a buffer longer than this is cut even if nothing agreed, after
   *     committing its hypothesis up to its last segment (at most Whisper's 30 s)
   */
  public record Settings(double updateSeconds, double trimSeconds, double maxBufferSeconds) {

    public static final Settings DEFAULTS = new Settings(1.0, 15.0, 25.0);

    public Settings {
      if (!(updateSeconds >= 0.1 && updateSeconds <= 10)) {
        throw new IllegalArgumentException(
            "stt.captions.update-interval must be 100MS to 10S, got " + updateSeconds + " s");
      }
      if (!(trimSeconds >= 2 && trimSeconds < maxBufferSeconds)) {
        throw new IllegalArgumentException(
            "stt.captions.trim-after must be at least 2 s and below stt.captions.max-buffer, got "
                + trimSeconds
                + " s and "
                + maxBufferSeconds
                + " s");
      }
      if (!(maxBufferSeconds <= WINDOW_SECONDS)) {
        throw new IllegalArgumentException(
            "stt.captions.max-buffer must be at most Whisper's 30 s, got " + maxBufferSeconds);
      }
    }
  }

  /** Whisper on one window; the service's transcriber, behind its watchdog. */
  @FunctionalInterface
  public interface Decoder {
    Transcription decode(AudioWindow window);
  }

  /**
   * What one decoding changed.
   *
   * @param committed the words committed now, to append to the earlier ones; empty when none
   * @param partial the rest of the hypothesis after every committed word
   * @param committedWords words committed in the stream so far, these included
   * @param audioSeconds the end of the audio heard, in seconds of the recording
   * @param last the stream is over and every word committed
   */
  public record Update(
      String committed, String partial, int committedWords, double audioSeconds, boolean last) {}

  /** A word as Whisper wrote it, and the form two hypotheses are compared in. */
  record Word(String text, String key) {
    static Word of(String text) {
      String key = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
      return new Word(text, key.isEmpty() ? text : key);
    }
  }

  private final Decoder decoder;
  private final Settings settings;
  private float[] buffer = new float[RATE * 4];
  private int length;
  private double bufferStart;
  private long nextSample;
  private double decodedEnd = -1;
  private List<Word> committedInBuffer = List.of();
  private double committedUntil = Double.NEGATIVE_INFINITY;
  private List<Word> previousTail = List.of();
  private final List<String> recentCommitted = new ArrayList<>();
  private boolean justCut;
  private int committedWords;
  private String language;
  private boolean ended;

  /**
   * @param startSample where the stream's first piece this captioner gets starts, in samples
   */
  public Captioner(Decoder decoder, Settings settings, long startSample) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.nextSample = startSample;
    this.bufferStart = startSample / (double) RATE;
  }

  /**
   * Adds a piece of 16 kHz audio that starts at {@code offsetSamples} in the recording: a piece
   * that repeats audio already taken is cut to what is new, and a gap (a piece Kafka lost) is
   * filled with silence, up to the longest buffer; a longer gap starts a new buffer there.
   */
  public void append(long offsetSamples, float[] samples) {
    int skip = (int) Math.max(0, Math.min(samples.length, nextSample - offsetSamples));
    long gap = offsetSamples - nextSample;
    if (gap > settings.maxBufferSeconds() * RATE) {
      length = 0;
      bufferStart = offsetSamples / (double) RATE;
      committedInBuffer = List.of();
      previousTail = List.of();
      nextSample = offsetSamples;
      gap = 0;
    }
    int silence = (int) Math.max(0, gap);
    ensureRoom(silence + samples.length - skip);
    Arrays.fill(buffer, length, length + silence, 0f);
    length += silence;
    System.arraycopy(samples, skip, buffer, length, samples.length - skip);
    length += samples.length - skip;
    nextSample += silence + samples.length - skip;
  }

  /** Whether enough new audio arrived since the last decoding for another one. */
  public boolean due() {
    return !ended && audioEnd() - Math.max(decodedEnd, bufferStart) >= settings.updateSeconds();
  }

  /** The end of the audio taken in, in seconds of the recording. */
  public double audioEnd() {
    return bufferStart + length / (double) RATE;
  }

  public boolean ended() {
    return ended;
  }

  /** Decodes the buffer and commits what this hypothesis and the previous one agree on. */
  public Update update() {
    return step(false);
  }

  /** Decodes what is left and commits all of it: the stream ended. */
  public Update finish() {
    return step(true);
  }

  private Update step(boolean last) {
    if (ended) {
      throw new IllegalStateException("the captions of this stream are finished");
    }
    // A decoder that fell behind has more than a buffer waiting: it takes the oldest part and
    // commits it as a full buffer, so it catches up a buffer at a time.
    int decoded = (int) Math.min(length, settings.maxBufferSeconds() * RATE);
    boolean full = length >= settings.maxBufferSeconds() * RATE;
    boolean end = last && decoded == length;
    List<Segment> segments = List.of();
    if (decoded > 0) {
      Transcription t =
          decoder.decode(new AudioWindow(Arrays.copyOf(buffer, decoded), bufferStart, language));
      rememberLanguage(t);
      segments = segments(t);
    }
    decodedEnd = bufferStart + decoded / (double) RATE;
    List<Word> hypothesis = new ArrayList<>();
    segments.forEach(s -> hypothesis.addAll(s.words()));
    int start =
        committedInBuffer.isEmpty() && justCut
            ? repeatedOverlap(hypothesis)
            : alignedEnd(committedInBuffer, hypothesis);
    // Whisper hears committed audio otherwise now and then (on the LibriVox reading "amiable
    // himself", once committed as "a bull himself", came back as "abelms himself", "book
    // himself", ...), which no alignment of words finds: a segment that ends where committed
    // segments ended is committed whatever its words, as whisper_streaming drops words by time.
    start = Math.max(start, wordsEndingBy(segments, committedUntil + TIME_SLACK));
    List<Word> tail = hypothesis.subList(start, hypothesis.size());
    int agreed = commonPrefix(tail, previousTail);
    int cutAt = -1;
    int wordsBeforeCut = 0;
    if (end) {
      agreed = tail.size();
    } else if (full) {
      // Nothing may stay longer: the buffer is cut at the end of its last segment but one (or
      // after all of it) and every word before the cut is committed, agreed or not.
      int s = lastCuttableSegment(segments, segments.size() - 2, decoded);
      if (s >= 0) {
        wordsBeforeCut = wordsBefore(segments, s + 1);
        cutAt = cutPoint(segments, s);
        agreed = Math.max(agreed, Math.min(tail.size(), wordsBeforeCut - start));
      } else {
        agreed = tail.size();
        wordsBeforeCut = hypothesis.size();
        cutAt = decoded;
      }
    } else {
      // The last segment's end is where the audio stops, not a pause (whisper_streaming's rule),
      // unless Whisper ended it well before the end of what it heard.
      int lastSegment = segments.size() - 1;
      boolean lastEnded =
          lastSegment >= 0 && segments.get(lastSegment).end() <= decodedEnd - UNHEARD_SECONDS;
      // Every word heard is committed, and seconds of audio follow that Whisper did not turn
      // into words: on the LibriVox reading and JFK after it, Whisper kept writing the committed
      // sentence alone for 12 s of JFK while the buffer held both. Without what it has
      // committed, it hears what follows at once. (Cutting after every committed last segment
      // that a pause follows cost context: 10 errors instead of 7 on the LibriVox reading.)
      boolean settled =
          lastSegment >= 0
              && agreed == tail.size()
              && segments.get(lastSegment).end() <= decodedEnd - IGNORED_SECONDS;
      if (settled || length > settings.trimSeconds() * RATE) {
        // A sentence's end first: the words after a cut are decoded without what came before
        // it, and Whisper hears the rest of a sentence worse without its start (measured on the
        // LibriVox reading: "selfish | is to be ill disposed" became "is to be able to
        // suppose"). Past the middle of the way to the hard bound, any segment's end will do.
        boolean anyEnd =
            settled || length > (settings.trimSeconds() + settings.maxBufferSeconds()) / 2 * RATE;
        for (int s =
                lastCuttableSegment(segments, lastEnded ? lastSegment : lastSegment - 1, decoded);
            s >= 0;
            s = lastCuttableSegment(segments, s - 1, decoded)) {
          if (wordsBefore(segments, s + 1) <= start + agreed
              && (anyEnd || endsSentence(segments.get(s)))) {
            wordsBeforeCut = wordsBefore(segments, s + 1);
            cutAt = cutPoint(segments, s);
            break;
          }
        }
        if (segments.isEmpty() && committedInBuffer.isEmpty() && previousTail.isEmpty()) {
          // Silence: a second is kept, where a word may be starting.
          cutAt = Math.max(0, length - RATE);
        }
      }
    }
    List<Word> committed = tail.subList(0, agreed);
    List<Word> partial = tail.subList(agreed, tail.size());
    committedWords += committed.size();
    committed.forEach(w -> recentCommitted.add(w.key()));
    while (recentCommitted.size() > OVERLAP_WORDS) {
      recentCommitted.remove(0);
    }
    previousTail = List.copyOf(partial);
    if (!hypothesis.isEmpty()) {
      // A hypothesis without words (Whisper heard nothing this time) says nothing of where the
      // committed words are: they stay as they were.
      committedInBuffer = List.copyOf(hypothesis.subList(0, start + agreed));
    }
    for (int s = 0; s < segments.size(); s++) {
      if (wordsBefore(segments, s + 1) <= start + agreed) {
        committedUntil = Math.max(committedUntil, segments.get(s).end());
      }
    }
    justCut = justCut && hypothesis.isEmpty();
    if (end) {
      ended = true;
      return new Update(text(committed), "", committedWords, audioEnd(), true);
    }
    if (cutAt > 0) {
      cut(cutAt, wordsBeforeCut);
    }
    Update update = new Update(text(committed), text(partial), committedWords, audioEnd(), false);
    if (last) {
      // Only a decoder that fell far behind gets here: the rest follows a buffer at a time.
      Update rest = step(true);
      return new Update(
          join(update.committed(), rest.committed()),
          "",
          rest.committedWords(),
          rest.audioSeconds(),
          true);
    }
    return update;
  }

  /** The latest segment from {@code from} down whose end lies inside the decoded audio; or -1. */
  private int lastCuttableSegment(List<Segment> segments, int from, int decoded) {
    for (int s = from; s >= 0; s--) {
      int at = cutPoint(segments, s);
      if (at > 0 && at <= decoded) {
        return s;
      }
    }
    return -1;
  }

  /**
   * Where the buffer is cut after segment {@code s}: its end, or the next one's start if earlier.
   */
  private int cutPoint(List<Segment> segments, int s) {
    double end = segments.get(s).end();
    if (s + 1 < segments.size()) {
      end = Math.min(end, segments.get(s + 1).start());
    }
    return (int) Math.round((end - bufferStart) * RATE);
  }

  private void cut(int at, int wordsBeforeCut) {
    System.arraycopy(buffer, at, buffer, 0, length - at);
    length -= at;
    bufferStart += at / (double) RATE;
    committedInBuffer =
        List.copyOf(
            committedInBuffer.subList(
                Math.min(wordsBeforeCut, committedInBuffer.size()), committedInBuffer.size()));
    justCut = true;
  }

  /**
   * How many words at the start of the hypothesis stand for the committed words still in the
   * buffer: the prefix with the least edit distance to them, the longer one on a tie (Whisper
   * changing a word is likelier than Whisper dropping one).
   */
  static int alignedEnd(List<Word> committed, List<Word> hypothesis) {
    if (committed.isEmpty()) {
      return 0;
    }
    int n = committed.size();
    int m = hypothesis.size();
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      for (int j = 1; j <= m; j++) {
        int substitute =
            previous[j - 1]
                + (committed.get(i - 1).key().equals(hypothesis.get(j - 1).key()) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    int best = 0;
    for (int j = 1; j <= m; j++) {
      if (previous[j] <= previous[best]) {
        best = j;
      }
    }
    return best;
  }

  /**
   * Right after a cut, the hypothesis may begin with the last committed words again (a segment end
   * a little early): as whisper_streaming, the longest such repetition of up to five words is
   * skipped.
   */
  private int repeatedOverlap(List<Word> hypothesis) {
    for (int n = Math.min(recentCommitted.size(), hypothesis.size()); n >= 1; n--) {
      boolean same = true;
      for (int i = 0; i < n && same; i++) {
        same = recentCommitted.get(recentCommitted.size() - n + i).equals(hypothesis.get(i).key());
      }
      if (same) {
        return n;
      }
    }
    return 0;
  }

  private static boolean endsSentence(Segment segment) {
    String last = segment.words().get(segment.words().size() - 1).text();
    return last.matches(".*[.?!。？！][\"')\\]]*");
  }

  static int commonPrefix(List<Word> a, List<Word> b) {
    int n = 0;
    while (n < a.size() && n < b.size() && a.get(n).key().equals(b.get(n).key())) {
      n++;
    }
    return n;
  }

  /** Words in the leading segments that end by {@code seconds}. */
  private static int wordsEndingBy(List<Segment> segments, double seconds) {
    int words = 0;
    for (Segment s : segments) {
      if (s.end() > seconds) {
        break;
      }
      words += s.words().size();
    }
    return words;
  }

  private static int wordsBefore(List<Segment> segments, int index) {
    int words = 0;
    for (int s = 0; s < index; s++) {
      words += segments.get(s).words().size();
    }
    return words;
  }

  private void rememberLanguage(Transcription t) {
    // The first sure detection stands for the stream: an unsure one on a second of audio then
    // takes it instead of a guess (the Transcriber's hint).
    if (language == null
        && !t.silent()
        && t.languageProbability() != null
        && t.languageProbability() >= 0.5) {
      language = t.language();
    }
  }

  private record Segment(double start, double end, List<Word> words) {}

  private static List<Segment> segments(Transcription t) {
    if (t.silent()) {
      return List.of();
    }
    List<Segment> segments = new ArrayList<>();
    for (Transcription.Segment s : t.segments()) {
      List<Word> words = words(s.text());
      if (!words.isEmpty()) {
        segments.add(new Segment(s.start(), s.end(), words));
      }
    }
    return segments;
  }

  private static List<Word> words(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(trimmed.split("\\s+")).map(Word::of).toList();
  }

  private static String text(List<Word> words) {
    return String.join(" ", words.stream().map(Word::text).toList());
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
  }

  private void ensureRoom(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
