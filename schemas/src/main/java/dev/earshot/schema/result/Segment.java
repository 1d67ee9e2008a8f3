package dev.earshot.schema.result;

/** A transcript segment; times are seconds from the start of the recording. */
public record Segment(double start, double end, String text) {}
