package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuFeaturesTest {

  @TempDir Path dir;

  @Test
  void anX86ProcessorIsNamedWithTheFlagsThatChooseOnnxRuntimesKernels() throws Exception {
    Path cpuinfo =
        Files.writeString(
            dir.resolve("cpuinfo"),
            """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            model name\t: AMD EPYC 9R14 96-Core Processor
            flags\t\t: fpu sse sse2 ssse3 sse4_1 sse4_2 avx avx2 fma bmi2 avx512f avx512bw \
            avx512vl avx512_vnni avx512_bf16 sha_ni

            processor\t: 1
            model name\t: AMD EPYC 9R14 96-Core Processor
            flags\t\t: fpu
            """);

    CpuFeatures cpu = CpuFeatures.read(cpuinfo);

    assertThat(cpu.model()).isEqualTo("AMD EPYC 9R14 96-Core Processor");
    assertThat(cpu.kernelFlags())
        .containsExactly(
            "sse4_1",
            "avx",
            "avx2",
            "fma",
            "avx512f",
            "avx512bw",
            "avx512vl",
            "avx512_vnni",
            "avx512_bf16");
    assertThat(cpu.describe())
        .startsWith("AMD EPYC 9R14 96-Core Processor, ")
        .contains(": sse4_1 avx avx2 fma avx512f")
        .endsWith("; ONNX Runtime " + CpuFeatures.onnxRuntimeVersion());
  }

  @Test
  void anArmProcessorWithoutAModelNameIsNamedByItsPart() throws Exception {
    Path cpuinfo =
        Files.writeString(
            dir.resolve("cpuinfo"),
            """
            processor\t: 0
            BogoMIPS\t: 243.75
            Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp \
            cpuid asimdrdm lrcpc dcpop asimddp
            CPU implementer\t: 0x41
            CPU part\t: 0xd0c
            """);

    CpuFeatures cpu = CpuFeatures.read(cpuinfo);

    assertThat(cpu.model()).isEqualTo("arm64 CPU part 0xd0c");
    assertThat(cpu.kernelFlags()).containsExactly("asimd", "asimdhp", "asimddp");
  }

  @Test
  void withoutProcCpuinfoTheArchitectureStillNamesTheMachine() {
    CpuFeatures cpu = CpuFeatures.read(dir.resolve("missing"));

    assertThat(cpu.model()).isEqualTo(System.getProperty("os.arch"));
    assertThat(cpu.describe()).contains("no listed vector extensions");
  }

  @Test
  void theOnnxRuntimeVersionComesFromTheJarOnTheClassPath() {
    assertThat(CpuFeatures.onnxRuntimeVersion()).matches("\\d+\\.\\d+\\.\\d+");
  }
}
