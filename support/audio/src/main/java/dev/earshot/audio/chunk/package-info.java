/**
 * From decoded audio to Kafka payloads: {@link dev.earshot.audio.chunk.ChunkPipeline} turns any
 * rate and channel count into 16 kHz mono {@link dev.earshot.audio.chunk.Chunk chunks} cut at quiet
 * points, and {@link dev.earshot.audio.chunk.PcmCodec} turns chunks into bytes and back.
 */
package dev.earshot.audio.chunk;
