/**
 * Streaming signal processing on float samples: down-mixing, resampling, levels and silence
 * trimming.
 */
package dev.earshot.audio.dsp;
