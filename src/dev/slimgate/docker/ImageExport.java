package dev.slimgate.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.slimgate.core.UsageException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads an image out of the engine without writing it anywhere: its description (config digest
 * and layer diff ids) and its {@code docker save} stream.
 */
public final class ImageExport {

  private final DockerClient client;

  public ImageExport(DockerClient client) {
    this.client = client;
  }

  /** The engine's description of an image. */
  public record Description(String id, List<String> diffIds) {}

  public Description describe(String image) {
    InspectImageResponse r;
    try {
      r = client.inspectImageCmd(image).exec();
    } catch (NotFoundException e) {
      throw new UsageException("image " + image + " is not in the engine (docker image inspect"
          + " found nothing); build or load it first, or pass a saved archive");
    }
    List<String> layers = r.getRootFS() == null || r.getRootFS().getLayers() == null ? List.of()
        : r.getRootFS().getLayers();
    return new Description(r.getId(), layers);
  }

  /** The save stream of one image; the caller closes it. */
  public InputStream save(String image) {
    try {
      return client.saveImageCmd(image).exec();
    } catch (NotFoundException e) {
      throw new UsageException("image " + image + " is not in the engine; build or load it first");
    }
  }
}
