package dev.earshot.schema.result;

import java.util.Map;

/** What each classifier said about one stretch (chunk) of a recording. */
public record TimelineEntry(
    int chunk,
    double start,
    double end,
    Map<String, String> labels,
    Map<String, Double> confidences) {}
