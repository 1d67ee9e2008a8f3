package dev.earshot.stt.service;

/** Channels of stt-service; application.properties maps each to its topic. */
public final class Channels {

  public static final String AUDIO_CHUNKS = "audio-chunks";
  public static final String TRANSCRIPTS = "transcripts";
  public static final String DEAD_LETTERS = "dead-letters";
  public static final String MODELS = "models";
  public static final String LIVE_AUDIO = "live-audio";
  public static final String CAPTIONS = "captions";

  private Channels() {}
}
