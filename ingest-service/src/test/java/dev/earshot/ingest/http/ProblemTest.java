package dev.earshot.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.ingest.recording.Rejection;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void eachRejectionHasTheStatusItsCauseCallsFor() {
    assertThat(Problem.statusOf(Rejection.TRUNCATED)).isEqualTo(400);
    assertThat(Problem.statusOf(Rejection.INVALID_HEADER)).isEqualTo(400);
    assertThat(Problem.statusOf(Rejection.UNAUTHORIZED)).isEqualTo(401);
    assertThat(Problem.statusOf(Rejection.TOO_LARGE)).isEqualTo(413);
    assertThat(Problem.statusOf(Rejection.NOT_AUDIO)).isEqualTo(415);
    assertThat(Problem.statusOf(Rejection.UNSUPPORTED_CODEC)).isEqualTo(415);
    assertThat(Problem.statusOf(Rejection.KAFKA_UNAVAILABLE)).isEqualTo(503);
  }

  @Test
  void unauthorisedAndUnavailableAnswersTellTheClientWhatToDo() {
    var unauthorised = Problem.response(Rejection.UNAUTHORIZED, "invalid API key", null);
    var unavailable = Problem.response(Rejection.KAFKA_UNAVAILABLE, "down", null);

    assertThat(unauthorised.getHeaderString("WWW-Authenticate")).contains(ApiKeys.HEADER);
    assertThat(unavailable.getHeaderString("Retry-After")).isEqualTo("5");
    assertThat(((Problem) unauthorised.getEntity()).error()).isEqualTo("UNAUTHORIZED");
  }
}
