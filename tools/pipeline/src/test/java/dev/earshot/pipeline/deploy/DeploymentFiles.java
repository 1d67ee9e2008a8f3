package dev.earshot.pipeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The deployment files under {@code deploy/} and the compose file, read as a user's tools would.
 */
public final class DeploymentFiles {

  public static final Path ROOT =
      Path.of(System.getProperty("earshot.root", "..")).toAbsolutePath().normalize();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> PROMQL_WORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "and",
          "or",
          "unless",
          "bool",
          "offset");

  private DeploymentFiles() {}

  public static JsonNode json(String relative) {
    try {
      return JSON.readTree(ROOT.resolve(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A YAML file as a tree, with anchors, aliases and merge keys ({@code <<: *x}) resolved as
   * Compose resolves them (SnakeYAML; Jackson's YAML reader leaves merge keys as they are).
   */
  public static JsonNode yaml(String relative) {
    try (Reader in = Files.newBufferedReader(ROOT.resolve(relative))) {
      return JSON.valueToTree(new org.yaml.snakeyaml.Yaml().load(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of every YAML file in {@code deploy/kubernetes}. */
  public static List<JsonNode> kubernetesDocuments() {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("deploy/kubernetes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
          YAML.readValues(parser, JsonNode.class).readAll().stream()
              .filter(d -> d != null && !d.isNull() && !d.isEmpty())
              .forEach(out::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The PromQL of every panel of the Grafana dashboard. */
  public static List<String> dashboardQueries() {
    List<String> out = new ArrayList<>();
    for (JsonNode panel : json("deploy/grafana/dashboards/earshot.json").get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        out.add(target.get("expr").asText());
      }
    }
    return out;
  }

  /** The PromQL of every alert rule. */
  public static List<String> alertQueries() {
    List<String> out = new ArrayList<>();
    for (JsonNode group : yaml("deploy/prometheus/alerts.yml").get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        out.add(rule.get("expr").asText());
      }
    }
    return out;
  }

  /**
   * The metric names a PromQL expression reads: identifiers that are neither functions (followed by
   * a parenthesis), keywords, label names (inside braces or a by/without list) nor durations.
   */
  public static Set<String> metricNames(String promql) {
    String text =
        promql
            .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
            .replaceAll("\\{[^}]*}", " ")
            .replaceAll("\\[[^]]*]", " ")
            .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(text);
    while (m.find()) {
      String word = m.group();
      String after = text.substring(m.end()).stripLeading();
      boolean function = after.startsWith("(");
      boolean number = m.start() > 0 && Character.isDigit(text.charAt(m.start() - 1));
      if (!function && !number && !PROMQL_WORDS.contains(word)) {
        names.add(word);
      }
    }
    return names;
  }
}
