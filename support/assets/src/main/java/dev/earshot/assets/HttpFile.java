package dev.earshot.assets;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A file downloaded as is from an {@code http:} or {@code https:} URL (e.g. a Hugging Face resolve
 * URL); {@code file:} URLs are accepted too, for local mirrors and tests.
 */
public record HttpFile(URI url) implements Source {

  public HttpFile {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
      throw new IllegalArgumentException("Not an http, https or file URL: " + url);
    }
  }

  public static HttpFile of(String url) {
    return new HttpFile(URI.create(url));
  }

  @Override
  public String describe() {
    return url.toString();
  }
}
