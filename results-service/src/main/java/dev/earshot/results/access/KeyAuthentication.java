package dev.earshot.results.access;

import dev.earshot.access.Credentials;
import io.quarkus.runtime.Startup;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Quarkus security's view of {@link ReadAccess}: every request is looked at, and which paths need
 * which role is configured in {@code application.properties} ({@code
 * quarkus.http.auth.permission}). Made at start-up, so a key that is too short stops the service
 * before it serves anything.
 */
@Startup
@ApplicationScoped
public class KeyAuthentication implements HttpAuthenticationMechanism {

  /** The dashboard's session cookie. */
  public static final String SESSION_COOKIE = "earshot-session";

  private final ReadAccess access;
  private final boolean oidc;
  private final Clock clock = Clock.systemUTC();

  /**
   * @param oidc whether Quarkus OIDC checks bearer tokens too: then a bearer token that is no key
   *     is left to it instead of refused
   */
  public KeyAuthentication(
      ReadAccess access,
      @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean oidc) {
    this.access = access;
    this.oidc = oidc;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    HttpServerRequest request = context.request();
    Cookie cookie = request.getCookie(SESSION_COOKIE);
    Optional<Credentials.Presented> presented =
        Credentials.of(request::getHeader, request::getParam);
    ReadAccess.Verdict verdict =
        access.judge(presented, Optional.ofNullable(cookie).map(Cookie::getValue), clock.instant());
    if (oidc
        && verdict instanceof ReadAccess.Verdict.Refused
        && presented
            .map(p -> p.source() == Credentials.Source.AUTHORIZATION_HEADER)
            .orElse(false)) {
      // Not a key: perhaps a token of the OpenID Connect provider, which OIDC's mechanism checks.
      return Uni.createFrom().optional(Optional.empty());
    }
    if (verdict instanceof ReadAccess.Verdict.Refused refused) {
      return Uni.createFrom().failure(new AuthenticationFailedException(refused.reason()));
    }
    if (verdict instanceof ReadAccess.Verdict.Granted granted) {
      QuarkusSecurityIdentity.Builder identity =
          QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(granted.who()));
      granted.roles().forEach(identity::addRole);
      return Uni.createFrom().item(identity.build());
    }
    return Uni.createFrom().optional(Optional.empty());
  }

  /** Before OIDC's bearer mechanism, so a key is never sent to the provider's token checks. */
  @Override
  public int getPriority() {
    return DEFAULT_PRIORITY + 100;
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom()
        .item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"earshot-results\""));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    // The identity is built here from the configured keys; no identity provider is asked.
    return Set.of();
  }
}
