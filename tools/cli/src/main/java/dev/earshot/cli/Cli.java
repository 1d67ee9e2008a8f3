package dev.earshot.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How every Earshot command line behaves: an error is one line on stderr that starts with the
 * command as the user typed it, exit code 2 for a usage error (with a pointer to the command's
 * help) and 1 for a failure, and the stack trace only with {@code --verbose}, which every command
 * and subcommand accepts.
 */
public final class Cli {

  /**
   * System property with how the user calls the root command, e.g. {@code earshot classify}; the
   * launcher sets it so that messages and help name the command that was typed.
   */
  public static final String NAME_PROPERTY = "earshot.command";

  static final String VERBOSE = "--verbose";

  // Class names that wrapping exceptions put in front of their cause's message.
  private static final Pattern CLASS_PREFIX =
      Pattern.compile("(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");

  private Cli() {}

  /** Adds {@code --verbose}, one-argument-per-line @-files and the error handling; returns it. */
  public static CommandLine configure(CommandLine commandLine) {
    String name = System.getProperty(NAME_PROPERTY, "").strip();
    if (!name.isEmpty()) {
      commandLine.setCommandName(name);
    }
    commandLine.addMixin("verbose", new Verbose());
    // One argument per line, spaces included: @files list paths for transcribe and predict.
    commandLine.setUseSimplifiedAtFiles(true);
    commandLine.setParameterExceptionHandler(Cli::usageError);
    commandLine.setExecutionExceptionHandler(Cli::failed);
    return commandLine;
  }

  /**
   * Runs a tool's root command and exits with its code. Libraries' progress logs (ONNX Runtime,
   * Kafka clients, model loading) stay below warnings: stdout is the tool's answer and stderr its
   * errors and progress.
   */
  public static void main(Object command, String... args) {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    // An unreachable broker is reported once by the command, not by every client retry.
    setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    System.exit(configure(new CommandLine(command)).execute(args));
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /**
   * The usage error of a command group run without one of its commands, e.g. {@code earshot
   * classify} alone: it names the commands there are.
   */
  public static ParameterException whichCommand(CommandLine.Model.CommandSpec spec) {
    return new ParameterException(
        spec.commandLine(),
        "which command? one of " + String.join(", ", spec.subcommands().keySet()));
  }

  /** {@code parser}'s value, or a usage error naming the option and the value it refused. */
  public static <T> T parse(String option, String value, Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + " '" + value + "': " + e.getMessage(), e);
    }
  }

  /**
   * The error as one line: its message, then each cause's message that adds something, without the
   * class names wrappers put in front.
   */
  public static String describe(Throwable error) {
    StringBuilder line = new StringBuilder();
    int depth = 0;
    for (Throwable t = error; t != null && depth < 10; t = t.getCause(), depth++) {
      String message = message(t);
      if (message.isEmpty() || line.indexOf(message) >= 0) {
        continue;
      }
      line.append(line.length() > 0 ? ": " : "").append(message);
    }
    if (line.length() == 0) {
      line.append(error.getClass().getSimpleName());
    }
    return oneLine(line.toString());
  }

  private static String message(Throwable t) {
    if (t instanceof NoSuchFileException e) {
      return e.getFile() + ": no such file or folder";
    }
    if (t instanceof AccessDeniedException e) {
      return e.getFile() + ": permission denied";
    }
    String message = t.getMessage();
    return message == null ? "" : CLASS_PREFIX.matcher(message).replaceAll("").strip();
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  private static int usageError(ParameterException error, String[] args) {
    String message = oneLine(error.getMessage());
    List<String> unmatched = error.getCommandLine().getUnmatchedArguments();
    if (error instanceof MissingParameterException && !unmatched.isEmpty()) {
      // picocli checks required arguments first, but the unknown option is the likelier typo.
      message =
          new UnmatchedArgumentException(error.getCommandLine(), unmatched).getMessage()
              + "; "
              + message;
    }
    if (error instanceof UnmatchedArgumentException unknown
        && !unknown.getSuggestions().isEmpty()) {
      message += "; did you mean " + String.join(" or ", unknown.getSuggestions()) + "?";
    }
    return usageError(error.getCommandLine(), message, error, verbose(List.of(args)));
  }

  private static int usageError(
      CommandLine command, String message, Throwable error, boolean verbose) {
    String name = command.getCommandSpec().qualifiedName();
    PrintWriter err = command.getErr();
    err.println(name + ": " + message + " (see '" + name + " --help')");
    if (verbose) {
      error.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  private static int failed(Exception error, CommandLine command, ParseResult parsed) {
    boolean verbose = verbose(parsed.originalArgs());
    if (error instanceof UsageException) {
      return usageError(command, oneLine(error.getMessage()), error, verbose);
    }
    PrintWriter err = command.getErr();
    err.println(command.getCommandSpec().qualifiedName() + ": " + describe(error));
    if (verbose) {
      error.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.FAILURE;
  }

  private static boolean verbose(List<String> args) {
    int end = args.indexOf("--");
    return (end < 0 ? args : args.subList(0, end)).contains(VERBOSE);
  }

  /** {@code --verbose}, inherited by every subcommand. */
  static final class Verbose {
    @Option(
        names = VERBOSE,
        scope = ScopeType.INHERIT,
        description = "On an error, print its stack trace too.")
    boolean verbose;
  }
}
