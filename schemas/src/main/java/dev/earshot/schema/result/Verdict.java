package dev.earshot.schema.result;

import java.util.Map;

/**
 * One classifier's verdict on a chunk or a whole recording.
 *
 * @param probabilities every label's probability, most probable first
 * @param distribution for a recording: the share of its audio time each label won; null per chunk
 */
public record Verdict(
    String predictedLabel,
    double confidence,
    Map<String, Double> probabilities,
    Map<String, Double> distribution,
    ModelInfo model) {}
