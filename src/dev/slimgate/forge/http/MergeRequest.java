package dev.slimgate.forge.http;

import java.util.List;

/**
 * An open merge request (GitLab) or pull request (GitHub) as the forge shows it.
 *
 * @param number GitLab iid or GitHub pull request number
 * @param title its title
 * @param description its description (GitHub: body), empty when none
 * @param labels its label names
 * @param webUrl where people open it
 */
public record MergeRequest(
    long number, String title, String description, List<String> labels, String webUrl) {

  public MergeRequest {
    description = description == null ? "" : description;
    labels = List.copyOf(labels);
  }
}
