package dev.earshot.classify.model.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.pytorch.jni.JniUtils;
import dev.earshot.assets.AssetCache;
import org.junit.jupiter.api.Test;

class DjlRuntimeTest {

  @Test
  void startsPyTorchOfflineWithTheRequestedThreads() {
    try {
      assertThat(DjlRuntime.start(2).getEngineName()).isEqualTo("PyTorch");
      assertThat(JniUtils.getNumThreads()).isEqualTo(2);
      assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    } finally {
      DjlRuntime.start(1);
    }
  }

  @Test
  void cachesLibtorchBesideTheAssetCache() {
    assumeTrue(System.getenv("DJL_CACHE_DIR") == null, "DJL_CACHE_DIR overrides the default");

    assertThat(DjlRuntime.cacheDir()).isEqualTo(AssetCache.defaultRoot().resolve("djl"));
  }

  @Test
  void rejectsZeroThreads() {
    assertThatThrownBy(() -> DjlRuntime.start(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be at least 1: 0");
  }

  @Test
  void explainsANativeLibraryThatWillNotLoad() {
    IllegalStateException failure =
        DjlRuntime.loadFailure(
            new IllegalStateException(
                "Failed to load PyTorch native library", new UnsatisfiedLinkError("libtorch.so")));

    assertThat(failure)
        .hasMessageStartingWith("Cannot load the PyTorch native library for DJL on ")
        .hasMessageContaining(System.getProperty("os.arch"))
        .hasMessageContaining(
            "IllegalStateException: Failed to load PyTorch native library"
                + " <- UnsatisfiedLinkError: libtorch.so")
        .hasMessageContaining("ai.djl.pytorch:pytorch-native-cpu:2.7.1")
        .hasMessageContaining("EARSHOT_CACHE");
  }
}
