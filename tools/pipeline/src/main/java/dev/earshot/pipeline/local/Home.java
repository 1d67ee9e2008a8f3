package dev.earshot.pipeline.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Where the launcher finds the built project and keeps its state: the repository root (the {@code
 * earshot.root} system property the bootstrap sets, else the working folder) and the state folder
 * ({@code EARSHOT_STATE}, default {@code .earshot/} under the root) with pid files, logs, the local
 * broker's data and this machine's upload and read keys.
 */
public record Home(Path root, Path state) {

  public static final String ROOT_PROPERTY = "earshot.root";

  public static Home fromEnvironment() {
    Path root = Path.of(System.getProperty(ROOT_PROPERTY, ".")).toAbsolutePath().normalize();
    String state = System.getenv("EARSHOT_STATE");
    return new Home(
        root,
        state == null || state.isBlank()
            ? root.resolve(".earshot")
            : Path.of(state).toAbsolutePath().normalize());
  }

  public Path logs() {
    return state.resolve("logs");
  }

  /** The pid file of a process the launcher started and left running. */
  public Path pidFile(String name) {
    return state.resolve("pids").resolve(name + ".pid");
  }

  /** A service's packaged Quarkus application. */
  public Path serviceJar(String module) {
    return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
  }

  /**
   * The upload key of this machine's ingest-service, made once and readable only by its owner. It
   * reaches the services through their environment and the tools through this file, never through a
   * command line that {@code ps} shows to every user.
   */
  public String apiKey() throws IOException {
    return key("api-key");
  }

  /** The read key of this machine's results-service, made and kept like {@link #apiKey()}. */
  public String readKey() throws IOException {
    return key("read-key");
  }

  /** The upload key if this machine made one, else null (a remote pipeline has its own). */
  public String existingApiKey() {
    return existing("api-key");
  }

  /** The read key if this machine made one, else null. */
  public String existingReadKey() {
    return existing("read-key");
  }

  private String key(String name) throws IOException {
    Path file = state.resolve(name);
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      Files.createDirectories(state);
      byte[] bytes = new byte[16];
      new SecureRandom().nextBytes(bytes);
      Path temp = Files.createTempFile(state, name, ".tmp");
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(temp, HexFormat.of().formatHex(bytes));
      Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    return Files.readString(file).strip();
  }

  private String existing(String name) {
    try {
      Path file = state.resolve(name);
      return Files.isRegularFile(file) ? Files.readString(file).strip() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
