package dev.slimgate.forge;

import dev.slimgate.core.UsageException;
import java.util.Arrays;

/**
 * One file the promotion writes into the image repository.
 *
 * @param path repository-relative path with forward slashes, e.g. {@code Dockerfile}
 * @param content the bytes the file gets
 * @param executable whether the file gets the executable mode
 */
public record FileChange(String path, byte[] content, boolean executable) {

  public FileChange {
    checkPath(path);
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FileChange change && change.path.equals(path)
        && Arrays.equals(change.content, content) && change.executable == executable;
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "FileChange[" + path + ", " + content.length + " bytes"
        + (executable ? ", executable" : "") + "]";
  }

  private static void checkPath(String path) {
    // A path that leaves the repository or writes into .git would let a run folder overwrite
    // something the promotion must never touch.
    String problem = null;
    if (path == null || path.isBlank()) {
      problem = "is empty";
    } else if (path.startsWith("/") || path.contains("\\") || path.contains(":")) {
      problem = "must be relative with forward slashes";
    } else {
      for (String segment : path.split("/", -1)) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
          problem = "has an empty, '.' or '..' segment";
        } else if (segment.equalsIgnoreCase(".git")) {
          problem = "points into .git";
        }
      }
    }
    if (problem != null) {
      throw new UsageException("promotion path '" + path + "' " + problem
          + ": give a path inside the repository such as 'Dockerfile' or 'phases/A/state.yml'");
    }
  }
}
