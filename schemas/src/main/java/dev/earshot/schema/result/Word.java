package dev.earshot.schema.result;

/**
 * One word of a transcript segment with its own times (seconds from the start of the recording),
 * from Whisper's cross-attention alignment; {@code probability} is the model's probability of the
 * word's tokens.
 */
public record Word(double start, double end, String text, double probability) {}
