package dev.slimgate.forge.fakes;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * A real git smart-HTTP remote on 127.0.0.1: JGit's GitServlet on WireMock's Jetty 11, with
 * receive-pack enabled, basic authentication against one token, and a hook that runs once before
 * the next receive-pack so that tests can race a push deterministically.
 */
public final class GitHttpServer implements AutoCloseable {

  private final Server server;
  private final Map<String, Repository> repositories = new ConcurrentHashMap<>();
  private final List<String> requestLines = new CopyOnWriteArrayList<>();
  private final List<Consumer<Repository>> beforeNextReceive = new CopyOnWriteArrayList<>();
  private final String token;

  private GitHttpServer(String token) throws Exception {
    this.token = token;
    server = new Server(new InetSocketAddress("127.0.0.1", 0));
    GitServlet git = new GitServlet();
    git.setRepositoryResolver((request, name) -> {
      Repository repo = repositories.get(name);
      if (repo == null) {
        throw new RepositoryNotFoundException(name);
      }
      repo.incrementOpen();
      return repo;
    });
    git.setReceivePackFactory((request, repo) -> {
      if ("POST".equals(request.getMethod()) && !beforeNextReceive.isEmpty()) {
        beforeNextReceive.remove(0).accept(repo);
      }
      return new ReceivePack(repo);
    });
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(git), "/git/*");
    Filter auth = (request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      requestLines.add(http.getMethod() + " " + http.getRequestURI()
          + (http.getQueryString() == null ? "" : "?" + http.getQueryString()));
      if (token != null && !authorized(http.getHeader("Authorization"))) {
        HttpServletResponse answer = (HttpServletResponse) response;
        answer.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
        answer.sendError(401);
        return;
      }
      chain.doFilter(request, response);
    };
    context.addFilter(new FilterHolder(auth), "/*", EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    server.start();
  }

  /** Starts a server that demands basic authentication with {@code token} as password. */
  public static GitHttpServer start(String token) throws Exception {
    return new GitHttpServer(token);
  }

  /** Creates a bare repository served as {@code name}, with one commit on {@code main}. */
  public Path createRepository(Path root, String name, Map<String, String> files)
      throws Exception {
    Path bare = root.resolve(name + ".git");
    Path work = root.resolve(name + "-seed");
    try (Git seed = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = work.resolve(file.getKey());
        java.nio.file.Files.createDirectories(path.getParent());
        java.nio.file.Files.writeString(path, file.getValue());
      }
      seed.add().addFilepattern(".").call();
      seed.commit().setMessage("initial image repository").setSign(false)
          .setAuthor("seed", "seed@localhost").setCommitter("seed", "seed@localhost").call();
    }
    Git bareGit = Git.cloneRepository().setURI(work.toUri().toString()).setBare(true)
        .setDirectory(bare.toFile()).call();
    repositories.put(name + ".git", bareGit.getRepository());
    return bare;
  }

  /** The URL of a repository created with {@link #createRepository}. */
  public String url(String name) {
    return "http://127.0.0.1:" + port() + "/git/" + name + ".git";
  }

  /** Runs {@code action} on the repository right before the next push is received. */
  public void beforeNextReceive(Consumer<Repository> action) {
    beforeNextReceive.add(action);
  }

  /** Request lines (method, path, query) seen so far. */
  public List<String> requestLines() {
    return new ArrayList<>(requestLines);
  }

  public int port() {
    return ((org.eclipse.jetty.server.ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
    repositories.values().forEach(Repository::close);
  }

  private boolean authorized(String header) {
    if (header == null || !header.startsWith("Basic ")) {
      return false;
    }
    String decoded = new String(Base64.getDecoder().decode(header.substring(6)),
        StandardCharsets.UTF_8);
    return decoded.endsWith(":" + token);
  }
}
