/**
 * Audio shared by the Earshot services: decoding ({@code decode}), signal processing ({@code dsp})
 * and cutting 16 kHz mono audio into Kafka-sized chunks ({@code chunk}).
 */
package dev.earshot.audio;
