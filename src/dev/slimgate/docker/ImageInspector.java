package dev.slimgate.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.slimgate.core.InfrastructureException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an image's total size and the size each Dockerfile step added. */
public final class ImageInspector {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DockerConnection.Engine engine;

  public ImageInspector(DockerConnection.Engine engine) {
    this.engine = engine;
  }

  /** Size, id and layers of an image; empty when the engine does not have it. */
  public Optional<ImageFacts> inspect(String image) {
    InspectImageResponse response;
    try {
      response = engine.client().inspectImageCmd(image).exec();
    } catch (NotFoundException e) {
      return Optional.empty();
    }
    long size = response.getSize() == null ? 0 : response.getSize();
    List<String> env = response.getConfig() == null || response.getConfig().getEnv() == null
        ? List.of() : List.of(response.getConfig().getEnv());
    return Optional.of(new ImageFacts(image, response.getId(), size, history(image), env));
  }

  /**
   * The image history, oldest step first. docker-java does not wrap GET /images/{name}/history,
   * so this speaks the engine API directly over the client's transport.
   */
  private List<ImageFacts.Layer> history(String image) {
    DockerHttpClient.Request request = DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.GET)
        .path("/images/" + URLEncoder.encode(image, StandardCharsets.UTF_8) + "/history")
        .build();
    try (DockerHttpClient.Response response = engine.http().execute(request);
        InputStream body = response.getBody()) {
      if (response.getStatusCode() != 200) {
        throw new InfrastructureException("the Docker engine answered " + response.getStatusCode()
            + " to the history of " + image);
      }
      JsonNode steps = JSON.readTree(body);
      List<ImageFacts.Layer> layers = new ArrayList<>();
      for (int i = steps.size() - 1; i >= 0; i--) {
        JsonNode step = steps.get(i);
        layers.add(new ImageFacts.Layer(cleanCreatedBy(step.path("CreatedBy").asText("")),
            step.path("Size").asLong(0)));
      }
      return layers;
    } catch (IOException e) {
      throw new InfrastructureException("cannot read the history of " + image + ": "
          + e.getMessage(), e);
    }
  }

  /** "/bin/sh -c #(nop)  ENV A=b" reads better as "ENV A=b"; "/bin/sh -c x" as "RUN x". */
  static String cleanCreatedBy(String createdBy) {
    // a RUN under build arguments reads "|2 A=x B=y /bin/sh -c ..."; the arguments are noise here
    String text = createdBy.trim().replaceFirst("^\\|\\d+ (?:\\S+=\\S* )*(?=/bin/sh -c )", "");
    if (text.startsWith("/bin/sh -c #(nop) ")) {
      return text.substring("/bin/sh -c #(nop) ".length()).trim();
    }
    if (text.startsWith("/bin/sh -c ")) {
      return "RUN " + text.substring("/bin/sh -c ".length()).trim();
    }
    return text;
  }
}
