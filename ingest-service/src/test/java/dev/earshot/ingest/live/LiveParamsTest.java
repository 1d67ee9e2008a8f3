package dev.earshot.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.audio.decode.RawPcmDecoder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiveParamsTest {

  @Test
  void onlyTheSampleRateIsRequired() {
    var params = LiveParams.parse(Map.of("sampleRate", "44100")::get);

    assertThat(params.sampleRate()).isEqualTo(44100);
    assertThat(params.channels()).isEqualTo(1);
    assertThat(params.format()).isEqualTo(RawPcmDecoder.Format.S16LE);
    assertThat(params.captions()).isTrue();
  }

  @Test
  void aDeviceMayDeclineItsCaptions() {
    assertThat(LiveParams.parse(Map.of("sampleRate", "16000", "captions", "false")::get).captions())
        .isFalse();
    assertThat(LiveParams.parse(Map.of("sampleRate", "16000", "captions", "TRUE")::get).captions())
        .isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "sampleRate=        | sampleRate is required",
        "sampleRate=0       | 0",
        "sampleRate=10000000| 10000000",
        "sampleRate=fast    | 'fast'",
        "sampleRate=16000&channels=0 | channels must be between 1 and 64, got 0",
        "sampleRate=16000&format=opus | 'opus'",
        "sampleRate=16000&captions=no | captions must be true or false, got 'no'"
      })
  void badParametersAreNamedInTheMessage(String query, String expected) {
    Map<String, String> params = new java.util.HashMap<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], kv.length > 1 ? kv[1] : "");
    }

    assertThatThrownBy(() -> LiveParams.parse(params::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(expected.strip());
  }
}
