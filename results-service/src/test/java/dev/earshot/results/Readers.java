package dev.earshot.results;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** The keys the test profile configures, and requests that carry them. */
public final class Readers {

  /** {@code %test.results.http.read-keys} */
  public static final String READ_KEY = "test-read-key-0123456789";

  /** {@code %test.results.http.internal-key} */
  public static final String INSTANCE_KEY = "test-instance-key-0123456789";

  private Readers() {}

  /** A request from a reader, with its key in the Authorization header. */
  public static RequestSpecification reader() {
    return RestAssured.given().header("Authorization", "Bearer " + READ_KEY);
  }
}
