package dev.earshot.assets;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses proxies the way curl reads its environment: {@code https_proxy} for https URLs, {@code
 * http_proxy} for http URLs, {@code all_proxy} for both, upper-case names as a fallback, and hosts
 * listed in {@code no_proxy} (suffix match, or {@code *}) and loopback addresses go direct. Proxy
 * credentials are not supported; unreadable or non-HTTP settings (e.g. {@code socks5://}) are
 * ignored.
 */
final class EnvProxySelector extends ProxySelector {

  private final Proxy https;
  private final Proxy http;
  private final List<String> noProxy;

  private EnvProxySelector(Proxy https, Proxy http, List<String> noProxy) {
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
  }

  /** A selector for the given environment, or empty when it names no proxy. */
  static Optional<ProxySelector> fromEnvironment(Map<String, String> env) {
    Proxy all = proxy(variable(env, "all_proxy"));
    Proxy https = Optional.ofNullable(proxy(variable(env, "https_proxy"))).orElse(all);
    Proxy http = Optional.ofNullable(proxy(variable(env, "http_proxy"))).orElse(all);
    if (https == null && http == null) {
      return Optional.empty();
    }
    List<String> noProxy = new ArrayList<>();
    String list = variable(env, "no_proxy");
    if (list != null) {
      for (String host : list.split(",")) {
        String trimmed = host.trim().toLowerCase(Locale.ROOT);
        if (!trimmed.isEmpty()) {
          noProxy.add(trimmed.startsWith("*.") ? trimmed.substring(1) : trimmed);
        }
      }
    }
    return Optional.of(
        new EnvProxySelector(
            https == null ? Proxy.NO_PROXY : https, http == null ? Proxy.NO_PROXY : http, noProxy));
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (isLoopback(host) || bypasses(host)) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of("https".equalsIgnoreCase(uri.getScheme()) ? https : http);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {}

  /** Loopback never goes through a proxy, as in the JVM's own default {@code nonProxyHosts}. */
  private static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || host.equals("::1");
  }

  private boolean bypasses(String host) {
    for (String entry : noProxy) {
      if (entry.equals("*")
          || host.equals(entry)
          || (entry.startsWith(".") ? host.endsWith(entry) : host.endsWith("." + entry))) {
        return true;
      }
    }
    return false;
  }

  private static String variable(Map<String, String> env, String lowerName) {
    String value = env.get(lowerName);
    if (value == null || value.isBlank()) {
      value = env.get(lowerName.toUpperCase(Locale.ROOT));
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Proxy proxy(String value) {
    if (value == null) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(value.contains("://") ? value : "http://" + value);
    } catch (IllegalArgumentException e) {
      return null;
    }
    // java.net.http speaks to HTTP proxies only; a socks5:// setting is left to the JVM's own.
    if (uri.getHost() == null || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
      return null;
    }
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
  }
}
