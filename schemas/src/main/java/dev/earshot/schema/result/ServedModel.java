package dev.earshot.schema.result;

import java.util.List;

/**
 * A speech-to-text model some STT worker serves, as the workers announce it on {@code
 * earshot.models} (compacted, keyed by model id) when they start and every few minutes after; the
 * OpenAI-compatible API lists these as its models, and ingest's live streams learn whether a
 * captioner will answer them.
 *
 * @param id e.g. {@code openai/whisper-tiny}
 * @param version the hash of the model files
 * @param settings the hash of the worker's decoding settings
 * @param languages ISO codes the model transcribes (empty for an English-only model: {@code en})
 * @param translates whether it can translate to English
 * @param announcedAt ISO-8601 instant of the latest announcement
 * @param captions whether the worker captions live streams ({@code stt.captions.enabled}); false in
 *     announcements from before captions, which lack the field
 */
public record ServedModel(
    String id,
    String version,
    String settings,
    List<String> languages,
    boolean translates,
    String announcedAt,
    boolean captions) {

  public ServedModel {
    languages = languages == null ? List.of() : List.copyOf(languages);
  }
}
