package dev.earshot.classify.classifier;

/**
 * Which model made a prediction: results carry it, so replays with new models can be told apart.
 *
 * @param id e.g. {@code sound-type/mlp-whisper} or {@code zero-shot/openai/whisper-tiny}
 * @param version the artifact's version hash, e.g. {@code sha256:1a2b...}
 */
public record ModelId(String id, String version) {}
