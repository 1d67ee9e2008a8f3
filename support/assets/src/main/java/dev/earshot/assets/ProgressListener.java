package dev.earshot.assets;

import java.net.URI;

/**
 * Hears about downloads and sources that failed. Every method does nothing by default, so the cache
 * is quiet unless a caller (e.g. {@link FetchCommand}) asks otherwise. Methods may be called from
 * HTTP client threads.
 */
public interface ProgressListener {

  ProgressListener SILENT = new ProgressListener() {};

  /** A download starts; {@code totalBytes} is -1 when the server does not say. */
  default void downloadStarted(URI uri, long totalBytes) {}

  default void downloadProgress(URI uri, long bytesDone, long totalBytes) {}

  default void downloadFinished(URI uri, long bytes) {}

  /** A source failed; the next source, if any, is tried next. */
  default void sourceFailed(SourceFailure failure) {}
}
