package dev.slimgate.forge;

import java.util.List;

/**
 * The words of a phase's merge request.
 *
 * @param title its title
 * @param description its description, within the forge's limit, hash marker included
 * @param labels its labels
 * @param note the one results note, its marker included
 * @param hash the hash of all of the above, stored in the description to skip unchanged updates
 * @param reportCut whether the report had to be cut to fit the description
 */
public record MergeRequestContent(
    String title, String description, List<String> labels, String note, String hash,
    boolean reportCut) {

  public MergeRequestContent {
    labels = List.copyOf(labels);
  }
}
