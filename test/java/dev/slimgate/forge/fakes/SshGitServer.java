package dev.slimgate.forge.fakes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A git server over SSH on 127.0.0.1: Apache MINA sshd (already on the classpath through JGit's
 * SSH transport) accepting one client key, running JGit's upload-pack and receive-pack on bare
 * repositories under a root folder.
 */
public final class SshGitServer implements AutoCloseable {

  private final SshServer server;
  private final Path root;
  private final KeyPair hostKey;

  private SshGitServer(Path root, KeyPair clientKey) throws Exception {
    this.root = root;
    this.hostKey = newKeyPair();
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setPublickeyAuthenticator(
        new KeySetPublickeyAuthenticator("test", List.of(clientKey.getPublic())));
    server.setPasswordAuthenticator(null);
    server.setKeyboardInteractiveAuthenticator(null);
    server.setCommandFactory(this::command);
    server.start();
  }

  /** Starts a server that accepts only {@code clientKey}, serving bare repositories of root. */
  public static SshGitServer start(Path root, KeyPair clientKey) throws Exception {
    return new SshGitServer(root, clientKey);
  }

  /** A fresh EC P-256 key pair. */
  public static KeyPair newKeyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  /** Writes {@code key} as an unencrypted OpenSSH private key file, as ssh-keygen does. */
  public static Path writePrivateKey(KeyPair key, Path file) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "slimgate-test", null, out);
    }
    return file;
  }

  /** Writes a known_hosts file that trusts this server's host key. */
  public Path writeKnownHosts(Path file) throws IOException {
    Files.writeString(file, "[127.0.0.1]:" + port() + " "
        + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
    return file;
  }

  /** ssh://git@127.0.0.1:PORT/NAME.git */
  public String url(String name) {
    return "ssh://git@127.0.0.1:" + port() + "/" + name + ".git";
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }

  private Command command(ChannelSession channel, String line) {
    List<String> words = CommandFactory.split(line);
    String verb = words.get(0);
    String name = words.get(1).replaceAll("^'|'$", "").replaceFirst("^/", "");
    return new GitCommand(verb, root.resolve(name));
  }

  /** Runs git-upload-pack or git-receive-pack against a bare repository. */
  private static final class GitCommand implements Command {
    private final String verb;
    private final Path repository;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    GitCommand(String verb, Path repository) {
      this.verb = verb;
      this.repository = repository;
    }

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
      this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
      Thread worker = new Thread(() -> {
        int code = 0;
        try (Repository repo = new FileRepositoryBuilder().setGitDir(repository.toFile())
            .setMustExist(true).build()) {
          if (verb.equals("git-upload-pack")) {
            new UploadPack(repo).upload(in, out, err);
          } else if (verb.equals("git-receive-pack")) {
            new ReceivePack(repo).receive(in, out, err);
          } else {
            code = 127;
          }
        } catch (Exception e) {
          code = 1;
        } finally {
          try {
            out.flush();
          } catch (IOException e) {
            // the client went away
          }
          exit.onExit(code);
        }
      }, "ssh-git-" + verb);
      worker.setDaemon(true);
      worker.start();
    }

    @Override
    public void destroy(ChannelSession channel) {}
  }
}
