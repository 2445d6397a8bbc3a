package dev.slimgate.forge.http;

import java.util.List;

/**
 * What a merge request should say.
 *
 * @param sourceBranch the phase branch
 * @param targetBranch the branch it merges into
 * @param title its title
 * @param description its description, within the forge's limit
 * @param labels label names, replacing the current ones
 */
public record MergeRequestDraft(
    String sourceBranch, String targetBranch, String title, String description,
    List<String> labels) {

  public MergeRequestDraft {
    labels = List.copyOf(labels);
  }
}
