package dev.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class CliTest {

  @TempDir Path dir;

  private final StringWriter err = new StringWriter();
  private final Tool tool = new Tool();

  @Command(name = "tool", mixinStandardHelpOptions = true, subcommands = Work.class)
  static class Tool {}

  @Command(name = "work", mixinStandardHelpOptions = true)
  static class Work implements Callable<Integer> {
    @Option(names = "--count")
    int count;

    @Option(names = "--input", converter = ExistingPath.class)
    Path input;

    @Parameters(arity = "0..*")
    List<String> words = List.of();

    Exception failure;

    @Override
    public Integer call() throws Exception {
      if (failure != null) {
        throw failure;
      }
      return words.size();
    }
  }

  private int run(Exception failure, String... args) {
    CommandLine commandLine = Cli.configure(new CommandLine(tool)).setErr(new PrintWriter(err));
    ((Work) commandLine.getSubcommands().get("work").getCommand()).failure = failure;
    return commandLine.execute(args);
  }

  private List<String> errLines() {
    return err.toString().lines().toList();
  }

  @Test
  void aBadValueIsOneLineNamingTheCommandTheValueAndTheHelpWithExitCodeTwo() {
    assertThat(run(null, "work", "--count", "many")).isEqualTo(ExitCodes.USAGE);

    assertThat(errLines())
        .containsExactly(
            "tool work: Invalid value for option '--count': 'many' is not an int"
                + " (see 'tool work --help')");
  }

  @Test
  void anUnknownOptionIsNamedEvenWhenARequiredArgumentIsMissingToo() {
    int exit =
        Cli.configure(new CommandLine(new Required()))
            .setErr(new PrintWriter(err))
            .execute("--bogus");

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines())
        .containsExactly(
            "required: Unknown option: '--bogus'; Missing required parameter: 'FILE'"
                + " (see 'required --help')");
  }

  @Command(name = "required")
  static class Required implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<String> files;

    @Override
    public Integer call() {
      return 0;
    }
  }

  @Test
  void anUnknownSubcommandIsAUsageErrorOfTheParent() {
    assertThat(run(null, "wrok")).isEqualTo(ExitCodes.USAGE);

    assertThat(errLines()).hasSize(1);
    assertThat(errLines().get(0)).startsWith("tool: ").contains("'wrok'");
  }

  @Test
  void aMissingFileNamedByAnOptionIsAUsageError() {
    String missing = dir.resolve("nowhere.wav").toString();

    assertThat(run(null, "work", "--input", missing)).isEqualTo(ExitCodes.USAGE);

    assertThat(errLines())
        .containsExactly(
            "tool work: Invalid value for option '--input': '"
                + missing
                + "': no such file or folder (see 'tool work --help')");
  }

  @Test
  void aFailureIsOneLineWithTheCauseChainCondensedAndExitCodeOne() {
    Exception failure =
        new ExecutionException(
            new IllegalStateException(
                "cannot load model tiny",
                new UncheckedIOException(new IOException("encoder.onnx is corrupt"))));

    assertThat(run(failure, "work")).isEqualTo(ExitCodes.FAILURE);

    assertThat(errLines())
        .containsExactly("tool work: cannot load model tiny: encoder.onnx is corrupt");
  }

  @Test
  void aMissingFileNamesIt() {
    assertThat(run(new NoSuchFileException("/data/x.wav"), "work")).isEqualTo(1);

    assertThat(errLines()).containsExactly("tool work: /data/x.wav: no such file or folder");
  }

  @Test
  void aMultiLineMessageBecomesOneLine() {
    run(new IllegalStateException("first\n  second\n"), "work");

    assertThat(errLines()).containsExactly("tool work: first; second");
  }

  @Test
  void aUsageExceptionFromTheCommandIsAUsageError() {
    Exception failure =
        new UsageException("--from-version needs --part: a version needs a part, e.g. transcript");

    assertThat(run(failure, "work")).isEqualTo(ExitCodes.USAGE);

    assertThat(errLines())
        .containsExactly(
            "tool work: --from-version needs --part: a version needs a part, e.g. transcript"
                + " (see 'tool work --help')");
  }

  @Test
  void verboseIsAcceptedByEverySubcommandAndPrintsTheStackTrace() {
    assertThat(run(new IllegalStateException("broken"), "work", "--verbose")).isEqualTo(1);

    assertThat(errLines().get(0)).isEqualTo("tool work: broken");
    assertThat(err.toString()).contains("java.lang.IllegalStateException: broken", "\tat ");
  }

  @Test
  void withoutVerboseNoStackTrace() {
    run(new IllegalStateException("broken"), "work");

    assertThat(err.toString()).doesNotContain("\tat ");
  }

  @Test
  void theLauncherNamesTheRootCommand() {
    System.setProperty(Cli.NAME_PROPERTY, "earshot thing");
    try {
      run(null, "work", "--count", "x");
    } finally {
      System.clearProperty(Cli.NAME_PROPERTY);
    }

    assertThat(errLines().get(0))
        .startsWith("earshot thing work: ")
        .endsWith("(see 'earshot thing work --help')");
  }

  @Test
  void atFilesHoldOneArgumentPerLine() throws IOException {
    Path list = Files.writeString(dir.resolve("files"), "my recording.wav\nother.wav\n");

    assertThat(run(null, "work", "@" + list)).isEqualTo(2);
  }

  @Test
  void parseNamesTheOptionAndTheValue() {
    assertThatThrownBy(() -> Cli.parse("--split", "0.9,0.2", Double::parseDouble))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--split '0.9,0.2': ");
  }
}
