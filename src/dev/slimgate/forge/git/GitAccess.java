package dev.slimgate.forge.git;

import dev.slimgate.core.UsageException;
import dev.slimgate.forge.ForgeToken;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * How slimgate authenticates to the git remote: over HTTPS with the forge token through a
 * {@link CredentialsProvider} (never inside the URL), over SSH with a private key.
 */
public final class GitAccess implements AutoCloseable {

  private final Optional<ForgeToken> token;
  private final String username;
  private final Path sshKey;
  private final Path sshKnownHosts;
  private SshdSessionFactory sshFactory;

  /**
   * @param token the forge token for https remotes, if any
   * @param username the user name sent with the token (GitLab: oauth2, GitHub: x-access-token)
   * @param sshKey private key for ssh remotes, or null for the keys in ~/.ssh
   * @param sshKnownHosts known_hosts for ssh remotes, or null for ~/.ssh/known_hosts
   */
  public GitAccess(Optional<ForgeToken> token, String username, Path sshKey, Path sshKnownHosts) {
    this.token = token;
    this.username = username;
    this.sshKey = sshKey;
    this.sshKnownHosts = sshKnownHosts;
  }

  /** Access without token or key, for local and file remotes. */
  public static GitAccess anonymous() {
    return new GitAccess(Optional.empty(), "git", null, null);
  }

  /** The token whose value must be masked in anything shown. */
  public Optional<ForgeToken> token() {
    return token;
  }

  /**
   * Checks that {@code remote} carries no credentials of its own and returns it parsed. A password
   * in the URL would end up in logs and in git configuration; the token has its own channel.
   */
  public URIish parse(String remote) {
    URIish uri;
    try {
      uri = new URIish(remote);
    } catch (URISyntaxException e) {
      throw new UsageException("git remote '" + display(remote) + "' is not a git URL ("
          + e.getReason() + "): give https://host/group/repo.git, ssh://git@host/repo.git or a"
          + " path (--git-remote or forge.remote)");
    }
    if (uri.getPass() != null) {
      throw new UsageException("git remote " + display(remote) + " carries a password: remove it"
          + " from the URL and put the token in " + ForgeToken.ENVIRONMENT_VARIABLE);
    }
    return uri;
  }

  /** Configures credentials or the SSH session factory of an open transport. */
  public void configure(Transport transport) {
    if (transport instanceof SshTransport ssh) {
      ssh.setSshSessionFactory(sshFactory());
    } else {
      token.ifPresent(t -> transport.setCredentialsProvider(
          new UsernamePasswordCredentialsProvider(username, t.reveal())));
    }
  }

  /** {@code remote} fit for a message: user information and the token removed. */
  public String display(String remote) {
    // ssh user names (git@) are not secrets and help to read the URL; anything else before an
    // @ may be a token someone put there.
    String shown = remote.startsWith("ssh://") ? remote.replaceFirst("^(ssh://[^/@:]*):[^/@]*@",
        "$1@") : remote.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    return ForgeToken.redact(token, shown);
  }

  @Override
  public void close() {
    if (sshFactory != null) {
      sshFactory.close();
    }
  }

  private SshdSessionFactory sshFactory() {
    if (sshFactory == null) {
      Path home = Path.of(System.getProperty("user.home"));
      SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
          .setHomeDirectory(home.toFile())
          .setSshDirectory(home.resolve(".ssh").toFile());
      if (sshKey != null) {
        if (!Files.isReadable(sshKey)) {
          throw new UsageException("ssh key " + sshKey + " cannot be read: give a readable"
              + " private key (--ssh-key)");
        }
        builder.setDefaultIdentities(dir -> List.of(sshKey));
      }
      if (sshKnownHosts != null) {
        builder.setDefaultKnownHostsFiles(dir -> List.of(sshKnownHosts));
      }
      sshFactory = builder.build(null);
    }
    return sshFactory;
  }
}
