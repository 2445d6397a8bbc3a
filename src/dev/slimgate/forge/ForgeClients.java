package dev.slimgate.forge;

import dev.slimgate.core.Events;
import dev.slimgate.core.UsageException;
import dev.slimgate.forge.git.GitAccess;
import dev.slimgate.forge.http.ForgeHttp;
import dev.slimgate.forge.http.GitHubApi;
import dev.slimgate.forge.http.GitLabApi;
import dev.slimgate.forge.http.MergeRequestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Builds the git access and the merge request client the settings ask for. */
public final class ForgeClients {

  private final ForgeHttp.Sleeper sleeper;
  private final Clock clock;
  private final HttpClient client;

  public ForgeClients() {
    this(duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC(),
        ForgeHttp.defaultClient());
  }

  /** A seam for tests: a sleeper that does not sleep, a fixed clock. */
  public ForgeClients(ForgeHttp.Sleeper sleeper, Clock clock, HttpClient client) {
    this.sleeper = sleeper;
    this.clock = clock;
    this.client = client;
  }

  /** Git access: the token goes to https remotes under the user name the forge expects. */
  public GitAccess gitAccess(ForgeSettings settings, Optional<ForgeToken> token) {
    String user = switch (settings.type()) {
      case GITLAB -> "oauth2";
      case GITHUB -> "x-access-token";
      case NONE -> "slimgate";
    };
    return new GitAccess(token, user, settings.sshKey(), settings.sshKnownHosts());
  }

  /** The merge request client, empty for {@link ForgeType#NONE}. */
  public Optional<MergeRequestApi> api(ForgeSettings settings, Optional<ForgeToken> token,
      Events events) {
    if (settings.type() == ForgeType.NONE) {
      return Optional.empty();
    }
    if (token.isEmpty()) {
      throw new UsageException(settings.type().displayName() + " needs a token: set "
          + ForgeToken.ENVIRONMENT_VARIABLE + " (the token is read from the environment only)");
    }
    String url = settings.url().toString().replaceAll("/+$", "");
    String secret = token.get().reveal();
    if (settings.type() == ForgeType.GITLAB) {
      ForgeHttp http = new ForgeHttp(new ForgeHttp.Target("GitLab", URI.create(url + "/api/v4"),
          url, settings.project(), GitLabApi.TOKEN_HINT),
          Map.of("PRIVATE-TOKEN", secret, "Accept", "application/json"), token, client, sleeper,
          clock, events);
      return Optional.of(new GitLabApi(http, url, settings.project()));
    }
    ForgeHttp http = new ForgeHttp(new ForgeHttp.Target("GitHub", URI.create(url), url,
        settings.project(), GitHubApi.TOKEN_HINT),
        Map.of("Authorization", "Bearer " + secret, "Accept", "application/vnd.github+json",
            "X-GitHub-Api-Version", "2022-11-28"), token, client, sleeper, clock, events);
    return Optional.of(new GitHubApi(http, url, settings.project()));
  }
}
