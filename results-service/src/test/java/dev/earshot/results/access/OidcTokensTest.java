package dev.earshot.results.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.results.Readers;
import dev.earshot.testbroker.TestBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens of an OpenID Connect provider, switched on beside the read keys: a token whose
 * groups hold {@code read} reads, any other token is refused, and the read keys still work. The
 * provider is stood in for by a key pair made here, its public key configured as Quarkus OIDC's
 * verification key, and tokens are signed (RS256) as the provider would sign them.
 */
@QuarkusTest
@TestProfile(OidcTokensTest.WithOidc.class)
@WithTestResource(TestBrokerResource.class)
class OidcTokensTest {

  private static final String ISSUER = "https://idp.example.test/realms/earshot";
  private static final String PRIVATE = "earshot.test.oidc.private-key";
  private static final String PUBLIC = "earshot.test.oidc.public-key";

  /** Makes the provider's key pair once per JVM: test and application share system properties. */
  public static class WithOidc implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.oidc.tenant-enabled",
          "true",
          "quarkus.oidc.public-key",
          keys()[1],
          "quarkus.oidc.token.issuer",
          ISSUER);
    }
  }

  private static String[] keys() {
    synchronized (System.getProperties()) {
      if (System.getProperty(PRIVATE) == null) {
        KeyPair pair = generate();
        System.setProperty(
            PRIVATE, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        System.setProperty(
            PUBLIC, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
      }
      return new String[] {System.getProperty(PRIVATE), System.getProperty(PUBLIC)};
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aProvidersTokenWithTheReadRoleReadsAndNoOtherTokenDoes() throws Exception {
    // Until Kafka Streams runs, the stores answer 503.
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (Readers.reader().get("/api/recordings?limit=1").statusCode() != 200
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    PrivateKey provider =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(keys()[0])));
    long now = Instant.now().getEpochSecond();

    assertThat(status(token(provider, "[\"read\"]", now + 300))).isEqualTo(200);
    assertThat(status(token(provider, "[\"audit\"]", now + 300))).isEqualTo(403);
    assertThat(status(token(provider, "[\"read\"]", now - 60))).as("expired").isEqualTo(401);
    assertThat(status(token(generate().getPrivate(), "[\"read\"]", now + 300)))
        .as("signed by someone else")
        .isEqualTo(401);
    assertThat(status("Bearer not-a-token-or-a-key")).isEqualTo(401);
    assertThat(Readers.reader().get("/api/recordings").statusCode()).isEqualTo(200);
    assertThat(RestAssured.given().get("/api/recordings").statusCode()).isEqualTo(401);
  }

  private static int status(String authorization) {
    return RestAssured.given()
        .header("Authorization", authorization)
        .get("/api/recordings")
        .statusCode();
  }

  private static String token(PrivateKey key, String groups, long expiry) throws Exception {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String header =
        url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims =
        "{\"iss\":\""
            + ISSUER
            + "\",\"sub\":\"alice\",\"groups\":"
            + groups
            + ",\"iat\":"
            + (expiry - 600)
            + ",\"exp\":"
            + expiry
            + "}";
    String body = url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key);
    signer.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
    return "Bearer " + header + "." + body + "." + url.encodeToString(signer.sign());
  }
}
