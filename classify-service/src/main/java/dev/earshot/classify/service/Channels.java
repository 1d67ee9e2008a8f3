package dev.earshot.classify.service;

/** Channels of classify-service; application.properties maps each to its topic. */
public final class Channels {

  public static final String AUDIO_CHUNKS = "audio-chunks";
  public static final String CLASSIFICATIONS = "classifications";
  public static final String DEAD_LETTERS = "dead-letters";

  private Channels() {}
}
