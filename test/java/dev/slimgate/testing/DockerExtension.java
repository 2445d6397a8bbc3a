package dev.slimgate.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import dev.slimgate.core.InfrastructureException;
import dev.slimgate.docker.DockerConnection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Connects to the engine once per test class and removes what the class labelled. */
public final class DockerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(DockerExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    DockerClient client;
    try {
      client = DockerConnection.open();
    } catch (InfrastructureException e) {
      if ("true".equals(System.getenv("CI"))) {
        throw e;
      }
      Assumptions.abort("no Docker engine: " + e.getMessage());
      return;
    }
    String run = UUID.randomUUID().toString().substring(0, 8);
    context.getStore(NS).put("fixture", new DockerFixture(client, run));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    DockerFixture fixture = context.getStore(NS).get("fixture", DockerFixture.class);
    if (fixture != null) {
      removeLabelled(fixture);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DockerFixture.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NS).get("fixture", DockerFixture.class);
  }

  /** Removes containers, then images, that carry this fixture's label. */
  public static void removeLabelled(DockerFixture fixture) {
    DockerClient client = fixture.client();
    String filter = DockerFixture.LABEL + "=" + fixture.runLabelValue();
    List<Container> containers =
        client.listContainersCmd().withShowAll(true).withLabelFilter(List.of(filter)).exec();
    for (Container c : containers) {
      client.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
    }
    List<Image> images = client.listImagesCmd().withLabelFilter(filter).withShowAll(true).exec();
    for (Image image : images) {
      try {
        client.removeImageCmd(image.getId()).withForce(true).exec();
      } catch (RuntimeException alreadyGone) {
        // a child removal can take its parent with it
      }
    }
  }
}
