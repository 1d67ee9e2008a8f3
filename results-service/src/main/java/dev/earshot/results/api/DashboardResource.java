package dev.earshot.results.api;

import dev.earshot.results.access.KeyAuthentication;
import dev.earshot.results.access.ReadAccess;
import dev.earshot.results.config.ResultsConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The dashboard's page, and its login and logout. A reader gets the dashboard; anyone else gets the
 * login page with status 401, so a browser sees a form and a script sees a refusal. Logging in with
 * a read key sets the session cookie {@link KeyAuthentication} accepts.
 */
@Path("/")
public class DashboardResource {

  private static final String NO_STORE = "no-store";

  private final SecurityIdentity identity;
  private final ReadAccess access;
  private final boolean secureCookie;
  private final String dashboard = page("dashboard/index.html");
  private final String login = page("dashboard/login.html");
  private final Clock clock = Clock.systemUTC();

  public DashboardResource(SecurityIdentity identity, ReadAccess access, ResultsConfig config) {
    this.identity = identity;
    this.access = access;
    this.secureCookie = config.http().secureCookie();
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response dashboard() {
    if (identity.hasRole(ReadAccess.READ)) {
      return Response.ok(dashboard).header("Cache-Control", NO_STORE).build();
    }
    return loginPage(
        access.readable() ? "" : "No read key is configured (results.http.read-keys).");
  }

  @GET
  @Path("index.html")
  @Produces(MediaType.TEXT_HTML)
  public Response index() {
    return dashboard();
  }

  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response login(@FormParam("key") String key) {
    if (key == null || !access.canLogIn(key)) {
      return loginPage("That is not a read key.");
    }
    NewCookie session =
        session(access.session(key, clock.instant()), (int) access.sessionLength().toSeconds());
    // 303: the browser follows with a GET, so a reload does not post the key again.
    return Response.seeOther(URI.create("/")).cookie(session).build();
  }

  @POST
  @Path("logout")
  public Response logout() {
    return Response.seeOther(URI.create("/")).cookie(session("", 0)).build();
  }

  /** The session cookie: sent back on every same-site request, never readable by scripts. */
  private NewCookie session(String value, int maxAgeSeconds) {
    return new NewCookie.Builder(KeyAuthentication.SESSION_COOKIE)
        .value(value)
        .path("/")
        .maxAge(maxAgeSeconds)
        .httpOnly(true)
        .secure(secureCookie)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }

  private Response loginPage(String problem) {
    return Response.status(Response.Status.UNAUTHORIZED)
        .type(MediaType.TEXT_HTML_TYPE)
        .header("Cache-Control", NO_STORE)
        .entity(login.replace("<!--problem-->", problem))
        .build();
  }

  private static String page(String resource) {
    try (InputStream in = DashboardResource.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the service's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
