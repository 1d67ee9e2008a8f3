package dev.earshot.pipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher keeps in its state folder, and how it finds its processes again. */
class LocalStateTest {

  @TempDir Path dir;

  @Test
  void theUploadKeyIsMadeOnceAndReadableOnlyByItsOwner() throws Exception {
    Home home = new Home(dir, dir.resolve("state"));
    assertThat(home.existingApiKey()).isNull();

    String key = home.apiKey();

    assertThat(key).matches("[0-9a-f]{32}");
    assertThat(home.apiKey()).isEqualTo(key);
    assertThat(home.existingApiKey()).isEqualTo(key);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("state/api-key"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aPidFileCountsOnlyWhileItsProcessRunsWithTheExpectedCommandLine() throws Exception {
    Path pidFile = dir.resolve("sleeper.pid");
    Process sleeper =
        Detached.start(List.of("sleep", "30"), Map.of(), dir.resolve("logs/sleeper.log"));
    Detached.writePid(pidFile, sleeper.pid());

    assertThat(Detached.find(pidFile, "sleep")).isPresent();
    assertThat(Detached.find(pidFile, "quarkus-run.jar"))
        .as("a reused pid of another program is not ours to stop")
        .isEmpty();

    Detached.stop(Detached.find(pidFile, "sleep").orElseThrow(), Duration.ofSeconds(5), pidFile);

    assertThat(sleeper.isAlive()).isFalse();
    assertThat(pidFile).doesNotExist();
    Files.writeString(pidFile, "not a pid");
    assertThat(Detached.find(pidFile, "sleep")).isEmpty();
  }

  @Test
  void aDetachedProcessHasASessionOfItsOwnSoCtrlCInTheTerminalLeavesItRunning() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "no setsid here");
    Process sleeper =
        Detached.start(List.of("sleep", "30"), Map.of(), dir.resolve("logs/sleeper.log"));
    try {
      // setsid runs in the child after it starts: wait until it has become sleep.
      Path comm = Path.of("/proc/" + sleeper.pid() + "/comm");
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!Files.readString(comm).strip().equals("sleep") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      String stat = Files.readString(Path.of("/proc/" + sleeper.pid() + "/stat"));
      // Fields after the command's closing parenthesis: state, ppid, pgrp, session.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      assertThat(Long.parseLong(fields[3])).as("session id").isEqualTo(sleeper.pid());
    } finally {
      sleeper.destroyForcibly();
    }
  }

  @Test
  void kafkaIsReachableWhereSomethingListensAndNotElsewhere() throws Exception {
    try (ServerSocket listening = new ServerSocket(0)) {
      int port = listening.getLocalPort();
      assertThat(KafkaAddress.reachable("127.0.0.1:1,127.0.0.1:" + port, 1000)).isTrue();
    }
    assertThat(KafkaAddress.reachable("127.0.0.1:1", 1000)).isFalse();
    assertThat(KafkaAddress.reachable("not-a-server-list", 1000)).isFalse();
  }

  @Test
  void statusListsEveryServiceAndTheBrokerAsNotRunningOnAFreshMachine() {
    var lines = new LocalPipeline(new Home(dir, dir.resolve("state"))).status();

    assertThat(lines).hasSize(5).allSatisfy(line -> assertThat(line).endsWith("not running"));
    assertThat(lines.get(0)).startsWith("results-service");
    assertThat(lines.get(4)).startsWith("local broker");
  }
}
