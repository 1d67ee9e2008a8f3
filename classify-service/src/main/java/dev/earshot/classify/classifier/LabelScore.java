package dev.earshot.classify.classifier;

/** One label and its probability. */
public record LabelScore(String label, double probability) {}
