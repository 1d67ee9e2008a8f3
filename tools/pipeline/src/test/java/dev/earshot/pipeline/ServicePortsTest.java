package dev.earshot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schema.EarshotService;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The files that cannot ask {@link EarshotService} for a port (each service's configuration, its
 * image, the compose file) say the same port as it does.
 */
class ServicePortsTest {

  static final Path ROOT =
      Path.of(System.getProperty("earshot.root", "../..")).toAbsolutePath().normalize();

  @Test
  void everyServiceListensWhereTheCatalogueSays() throws IOException {
    String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
    for (EarshotService service : EarshotService.values()) {
      Path module = ROOT.resolve(service.module());
      Properties properties = new Properties();
      try (Reader in =
          Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
        properties.load(in);
      }
      assertThat(properties.getProperty("quarkus.http.port"))
          .as("quarkus.http.port of %s", service.module())
          .isEqualTo(Integer.toString(service.port()));
      assertThat(Files.readString(module.resolve("src/main/docker/Dockerfile.jvm")))
          .as("EXPOSE in %s's image", service.module())
          .contains("EXPOSE " + service.port());
      assertThat(compose)
          .as("the health check of %s in docker-compose.yml", service.module())
          .contains("http://localhost:" + service.port() + "/q/health/ready");
    }
  }
}
