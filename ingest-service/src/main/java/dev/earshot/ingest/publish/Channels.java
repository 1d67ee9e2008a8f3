package dev.earshot.ingest.publish;

/** Outgoing channels; application.properties maps each to its topic. */
public final class Channels {

  public static final String AUDIO_CHUNKS = "audio-chunks";
  public static final String RECORDING_EVENTS = "recording-events";
  public static final String LIVE_AUDIO = "live-audio";

  private Channels() {}
}
