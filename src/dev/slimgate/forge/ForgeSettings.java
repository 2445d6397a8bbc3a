package dev.slimgate.forge;

import dev.slimgate.core.UsageException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a phase's results go: the git remote that receives the phase branch and, unless the type
 * is {@link ForgeType#NONE}, the forge project that gets the merge request. The token is not
 * part of the settings: it comes from {@link ForgeToken#ENVIRONMENT_VARIABLE} only.
 *
 * @param type gitlab, github or none
 * @param url forge base URL; GitLab: {@code https://gitlab.example.org}, GitHub: the API root
 *     ({@code https://api.github.com} or {@code https://ghe.example.org/api/v3}); null for none
 * @param project GitLab project path ({@code group/sub/name}) or GitHub {@code owner/repo}
 * @param remote git URL the phase branch is pushed to (https, ssh, file or a local path)
 * @param targetBranch the branch the merge request targets; never pushed to
 * @param sshKey private key for ssh remotes; null to use the default keys of ~/.ssh
 * @param sshKnownHosts known_hosts file for ssh remotes; null for ~/.ssh/known_hosts
 */
public record ForgeSettings(
    ForgeType type,
    URI url,
    String project,
    String remote,
    String targetBranch,
    Path sshKey,
    Path sshKnownHosts) {

  /** The target branch when neither the command line nor the plan names one. */
  public static final String DEFAULT_TARGET_BRANCH = "main";

  private static final String BRANCH_PREFIX = "slimgate/phase-";

  public ForgeSettings {
    type = type == null ? ForgeType.NONE : type;
    targetBranch = targetBranch == null || targetBranch.isBlank()
        ? DEFAULT_TARGET_BRANCH : targetBranch.trim();
  }

  /** Settings that only push to {@code remote}, with no forge. */
  public static ForgeSettings pushOnly(String remote, String targetBranch) {
    return new ForgeSettings(ForgeType.NONE, null, null, remote, targetBranch, null, null);
  }

  /** The same settings with another remote. */
  public ForgeSettings withRemote(String newRemote) {
    return new ForgeSettings(type, url, project, newRemote, targetBranch, sshKey, sshKnownHosts);
  }

  /**
   * The branch of a phase: stable, so that every rerun of the phase updates the same branch and
   * the same merge request.
   */
  public String branchFor(String phase) {
    return BRANCH_PREFIX + checkPhase(phase).toLowerCase(Locale.ROOT);
  }

  /** Throws one {@link UsageException} listing every problem of these settings. */
  public ForgeSettings validate() {
    List<String> problems = new ArrayList<>();
    if (remote == null || remote.isBlank()) {
      problems.add("no git remote: give --git-remote URL or forge.remote in the plan");
    }
    if (!targetBranch.matches("[A-Za-z0-9._/-]+") || targetBranch.startsWith("slimgate/")) {
      problems.add("target branch '" + targetBranch + "' is not usable: give a plain branch name"
          + " such as main (--target-branch or forge.target_branch)");
    }
    if (type != ForgeType.NONE) {
      if (url == null) {
        problems.add(type.displayName() + " needs its URL: give --forge-url or forge.url");
      } else if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
        problems.add("forge URL '" + url + "' must start with https:// (or http://)");
      } else if (url.getUserInfo() != null) {
        problems.add("forge URL must not carry credentials: put the token in "
            + ForgeToken.ENVIRONMENT_VARIABLE);
      }
      if (project == null || project.isBlank()) {
        problems.add(type.displayName() + " needs the project: give --forge-project or"
            + " forge.project (" + projectExample() + ")");
      } else if (!project.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)+")
          || (type == ForgeType.GITHUB && project.split("/").length != 2)) {
        problems.add("forge project '" + project + "' is not a project path: give "
            + projectExample());
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageException("forge settings are incomplete:\n  - "
          + String.join("\n  - ", problems));
    }
    return this;
  }

  private String projectExample() {
    return type == ForgeType.GITHUB ? "owner/repo" : "group/project";
  }

  private static String checkPhase(String phase) {
    if (phase == null || !phase.matches("[A-Za-z0-9_-]{1,40}")) {
      throw new UsageException("phase '" + phase + "' is not a phase id: give one such as A");
    }
    return phase;
  }
}
