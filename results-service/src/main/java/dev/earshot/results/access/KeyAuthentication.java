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
  private final Clock clock = Clock.systemUTC();

  public KeyAuthentication(ReadAccess access) {
    this.access = access;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    HttpServerRequest request = context.request();
    Cookie cookie = request.getCookie(SESSION_COOKIE);
    ReadAccess.Verdict verdict =
        access.judge(
            Credentials.of(request::getHeader, request::getParam),
            Optional.ofNullable(cookie).map(Cookie::getValue),
            clock.instant());
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
