package dev.earshot.whisper;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The processor features ONNX Runtime picks its kernels by (AVX2, AVX-512, VNNI, AMX on x86-64;
 * NEON, dot product, int8 matrix multiply, SVE on arm64). Model outputs differ slightly between
 * them, so test failures, benchmarks and readiness checks name them.
 */
public final class CpuFeatures {

  /** The flags, in /proc/cpuinfo's spelling, that change which kernels ONNX Runtime runs. */
  static final List<String> KERNEL_FLAGS =
      List.of(
          // x86-64
          "sse4_1",
          "avx",
          "avx2",
          "fma",
          "f16c",
          "avx512f",
          "avx512bw",
          "avx512vl",
          "avx512_vnni",
          "avx_vnni",
          "avx512_bf16",
          "avx512_fp16",
          "amx_int8",
          "amx_bf16",
          // arm64
          "asimd",
          "asimdhp",
          "asimddp",
          "i8mm",
          "bf16",
          "sve",
          "sve2",
          "sme");

  private static final CpuFeatures HOST = read(Path.of("/proc/cpuinfo"));

  private final String model;
  private final Set<String> flags;

  CpuFeatures(String model, Set<String> flags) {
    this.model = model;
    this.flags = flags;
  }

  /** This machine's processor. */
  public static CpuFeatures host() {
    return HOST;
  }

  /** The model name, or the architecture where the system does not say. */
  public String model() {
    return model;
  }

  /** The kernel-relevant flags this processor has, in {@link #KERNEL_FLAGS} order. */
  public List<String> kernelFlags() {
    return KERNEL_FLAGS.stream().filter(flags::contains).toList();
  }

  /**
   * One line for messages, e.g. {@code Intel(R) Xeon(R) Processor, amd64, 2 cores: avx avx2 fma
   * avx512f avx512bw avx512vl avx512_vnni; ONNX Runtime 1.28.0}.
   */
  public String describe() {
    List<String> kernel = kernelFlags();
    return String.format(
        Locale.ROOT,
        "%s, %s, %d cores: %s; ONNX Runtime %s",
        model,
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        kernel.isEmpty() ? "no listed vector extensions" : String.join(" ", kernel),
        onnxRuntimeVersion());
  }

  /** The ONNX Runtime on the class path, from its jar's manifest (no native library is loaded). */
  public static String onnxRuntimeVersion() {
    String version = OrtEnvironment.class.getPackage().getImplementationVersion();
    return version == null ? "(version unknown)" : version;
  }

  @Override
  public String toString() {
    return describe();
  }

  static CpuFeatures read(Path cpuinfo) {
    String model = null;
    Set<String> flags = new LinkedHashSet<>();
    try {
      for (String line : Files.readAllLines(cpuinfo)) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String key = line.substring(0, colon).strip();
        String value = line.substring(colon + 1).strip();
        if (model == null && (key.equals("model name") || key.equals("Model"))) {
          model = value;
        } else if (flags.isEmpty() && (key.equals("flags") || key.equals("Features"))) {
          flags.addAll(Arrays.asList(value.split("\\s+")));
        } else if (model == null && key.equals("CPU part")) {
          // arm64 kernels print no model name, only the implementer and part numbers.
          model = "arm64 CPU part " + value;
        }
      }
    } catch (IOException | SecurityException e) {
      // Not Linux, or /proc hidden: the architecture alone still helps.
    }
    return new CpuFeatures(
        model == null ? System.getProperty("os.arch") : model, new LinkedHashSet<>(flags));
  }
}
