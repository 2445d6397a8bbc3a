package dev.slimgate.lint;

import java.util.List;

/**
 * One simple command of a RUN script, words still as written (quotes kept).
 *
 * @param words the command and its arguments
 * @param redirects {@code op target} pairs such as {@code > file}
 * @param readsPipe true when standard input comes from the previous command through {@code |}
 * @param writesPipe true when standard output goes to the next command through {@code |}
 */
record ShellCommand(List<String> words, List<Redirect> redirects, boolean readsPipe,
    boolean writesPipe) {

  /** A redirection such as {@code > out.tar.gz}. */
  record Redirect(String operator, String target) {}
}
