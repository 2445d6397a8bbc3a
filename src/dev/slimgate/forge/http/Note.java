package dev.slimgate.forge.http;

/**
 * A note (GitLab) or issue comment (GitHub) on a merge request.
 *
 * @param id its id, used to edit it in place
 * @param body its markdown text
 */
public record Note(long id, String body) {}
