package dev.earshot.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvProxySelectorTest {

  @Test
  void choosesTheProxyByScheme() {
    ProxySelector selector =
        EnvProxySelector.fromEnvironment(
                Map.of("https_proxy", "http://secure:3128", "HTTP_PROXY", "plain:8080"))
            .orElseThrow();

    assertThat(address(selector, "https://registry.npmjs.org/x")).isEqualTo("secure:3128");
    assertThat(address(selector, "http://deb.debian.org/debian/pool/x")).isEqualTo("plain:8080");
  }

  @Test
  void goesDirectForNoProxyHostsAndLoopback() {
    ProxySelector selector =
        EnvProxySelector.fromEnvironment(
                Map.of("all_proxy", "proxy:3128", "no_proxy", "example.org, .internal"))
            .orElseThrow();

    assertThat(selector.select(URI.create("https://example.org/a")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://cdn.example.org/a")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("http://mirror.internal/a")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("http://127.0.0.1:8080/a")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(address(selector, "https://huggingface.co/a")).isEqualTo("proxy:3128");
  }

  @Test
  void isAbsentWithoutProxyVariables() {
    assertThat(EnvProxySelector.fromEnvironment(Map.of("PATH", "/usr/bin"))).isEmpty();
    assertThat(EnvProxySelector.fromEnvironment(Map.of("https_proxy", "socks5://s:1080")))
        .isEmpty();
  }

  private static String address(ProxySelector selector, String uri) {
    InetSocketAddress address =
        (InetSocketAddress) selector.select(URI.create(uri)).get(0).address();
    return address.getHostString() + ":" + address.getPort();
  }
}
