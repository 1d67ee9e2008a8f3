package dev.earshot.pipeline.ingest;

import dev.earshot.pipeline.cli.LocalCommands;
import picocli.CommandLine.Command;

/**
 * {@code earshot ingest}: audio into the pipeline from this machine (files, a microphone), through
 * ingest-service's own API, and ingest-service itself in the foreground ({@code serve}).
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Send audio to ingest-service: files, a microphone; or run it (serve).",
    subcommands = {
      FilesCommand.class,
      MicCommand.class,
      DevicesCommand.class,
      IngestBenchCommand.class,
      LocalCommands.Serve.class
    })
public class IngestCommands extends LocalCommands.Group {}
