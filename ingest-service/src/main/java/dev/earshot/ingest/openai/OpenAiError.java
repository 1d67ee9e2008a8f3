package dev.earshot.ingest.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * OpenAI's error object, {@code {"error": {"message", "type", "param", "code"}}}, which its client
 * libraries turn into their own exceptions with the message.
 */
public record OpenAiError(Body error) {

  /** The error's fields; {@code param} names the request field at fault, when one is. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Body(String message, String type, String param, String code) {}

  public static Response response(int status, String type, String param, String code, String msg) {
    var builder =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new OpenAiError(new Body(msg, type, param, code)));
    if (status == 401) {
      builder.header("WWW-Authenticate", "Bearer");
    }
    if (status == 503) {
      builder.header("Retry-After", "5");
    }
    return builder.build();
  }

  /** 400: a request field is missing or wrong. */
  public static Response invalid(String param, String code, String message) {
    return response(400, "invalid_request_error", param, code, message);
  }
}
