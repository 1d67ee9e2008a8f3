package dev.earshot.classify.evaluate;

/** Precision, recall and F1 averaged over classes in one way (macro, micro or weighted). */
public record Averages(double precision, double recall, double f1) {}
