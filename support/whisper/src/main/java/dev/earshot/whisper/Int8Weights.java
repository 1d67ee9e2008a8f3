package dev.earshot.whisper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether the encoder's uint8 weights are stored as int8 at load ({@link
 * OnnxGraphEdits#withSignedWeights}): on x86 CPUs with VNNI dot products, where ONNX Runtime's
 * uint8-by-int8 kernels are both faster and exact. The system property {@value #PROPERTY} ({@code
 * auto}, {@code signed} or {@code unsigned}) overrides the choice, for measuring both.
 */
enum Int8Weights {
  SIGNED,
  UNSIGNED;

  static final String PROPERTY = "earshot.whisper.int8-weights";

  /** CPU flags (as Linux names them) of the dot-product instructions that do not saturate. */
  private static final Set<String> VNNI = Set.of("avx512_vnni", "avx_vnni", "amx_int8");

  /** This machine's choice, or the property's. */
  static Int8Weights forThisMachine() {
    String choice = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    return switch (choice) {
      case "signed" -> SIGNED;
      case "unsigned" -> UNSIGNED;
      case "auto" -> choose(System.getProperty("os.arch", ""), cpuFlags());
      default ->
          throw new IllegalArgumentException(
              PROPERTY + " must be auto, signed or unsigned, not '" + choice + "'");
    };
  }

  static Int8Weights choose(String arch, Set<String> cpuFlags) {
    boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
    return x86 && cpuFlags.stream().anyMatch(VNNI::contains) ? SIGNED : UNSIGNED;
  }

  /** The flags of the first CPU in /proc/cpuinfo; none where there is no such file. */
  private static Set<String> cpuFlags() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    try (Stream<String> lines = Files.lines(cpuinfo)) {
      return lines
          .filter(line -> line.startsWith("flags"))
          .findFirst()
          .map(
              line ->
                  Set.copyOf(
                      Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))))
          .orElse(Set.of());
    } catch (IOException | RuntimeException e) {
      return Set.of();
    }
  }
}
