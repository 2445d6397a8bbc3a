package dev.slimgate.testing;

import com.github.dockerjava.api.DockerClient;
import java.util.Map;

/**
 * What a Docker test gets: the client, and a label that every image and container it creates
 * must carry so that {@link DockerExtension} removes them afterwards, and only them.
 */
public record DockerFixture(DockerClient client, String runLabelValue) {

  public static final String LABEL = "dev.slimgate.test-run";

  /** The labels to put on every build and container of this test class. */
  public Map<String, String> labels() {
    return Map.of(LABEL, runLabelValue);
  }

  /** An image tag unique to this test class, e.g. {@code slimgate-test/mini-ab12cd:base}. */
  public String tag(String name) {
    return "slimgate-test/" + name + "-" + runLabelValue + ":latest";
  }
}
