package dev.slimgate.lint;

import dev.slimgate.plan.Suggest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Dockerfile text the way BuildKit's frontend reads it: parser directives, line
 * continuations (comment and empty lines inside them skipped), heredocs, exec and shell forms,
 * flags. Every problem is collected with line and column before one exception is thrown.
 */
public final class DockerfileParser {

  private static final Pattern DIRECTIVE =
      Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.*?)\\s*$");
  private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");
  private static final Pattern HEREDOC =
      Pattern.compile("<<(-?)\\s*(?:\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_.-]+))");
  private static final Pattern KEYWORD = Pattern.compile("^[A-Za-z]+$");
  private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9._-]*$");
  private static final Map<String, Set<String>> FLAGS = Map.of(
      "FROM", Set.of("platform"),
      "RUN", Set.of("mount", "network", "security", "device"),
      "COPY", Set.of("from", "chown", "chmod", "link", "parents", "exclude"),
      "ADD", Set.of("chown", "chmod", "link", "checksum", "keep-git-dir", "exclude", "unpack"),
      "HEALTHCHECK", Set.of("interval", "timeout", "start-period", "start-interval", "retries"));
  private static final List<String> KEYWORDS = List.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT",
      "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL",
      "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");
  private static final Set<String> JSON_CAPABLE =
      Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME");

  private final ObjectMapper json = new ObjectMapper();

  /**
   * Parses one Dockerfile.
   *
   * @param path the name to show in problems and findings
   * @param text the whole file
   * @throws DockerfileSyntaxException listing every problem when the file is malformed
   */
  public Dockerfile parse(String path, String text) {
    return new Run(path, text).parse();
  }

  /** The state of one parse. */
  private final class Run {
    private final String path;
    private final String[] lines;
    private final List<SyntaxProblem> problems = new ArrayList<>();
    private char escape = '\\';
    private String syntax;
    private int next;

    Run(String path, String text) {
      this.path = path;
      String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
      String[] split = body.split("\n", -1);
      for (int i = 0; i < split.length; i++) {
        if (split[i].endsWith("\r")) {
          split[i] = split[i].substring(0, split[i].length() - 1);
        }
      }
      // A final newline does not open one more (empty) line.
      int count = split.length > 0 && split[split.length - 1].isEmpty() ? split.length - 1
          : split.length;
      this.lines = java.util.Arrays.copyOf(split, count);
    }

    Dockerfile parse() {
      readDirectives();
      List<Instruction> instructions = new ArrayList<>();
      List<Comment> comments = new ArrayList<>();
      while (next < lines.length) {
        String line = lines[next];
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
          comments.clear();
          next++;
        } else if (trimmed.startsWith("#")) {
          comments.add(new Comment(next + 1, trimmed.substring(1).strip()));
          next++;
        } else {
          Instruction instruction = instruction(List.copyOf(comments));
          comments.clear();
          if (instruction != null) {
            instructions.add(instruction);
          }
        }
      }
      checkStages(instructions);
      if (!problems.isEmpty()) {
        throw new DockerfileSyntaxException(problems);
      }
      return new Dockerfile(path, escape, Optional.ofNullable(syntax), List.copyOf(instructions));
    }

    private void readDirectives() {
      Set<String> seen = new java.util.HashSet<>();
      while (next < lines.length) {
        Matcher m = DIRECTIVE.matcher(lines[next].strip());
        if (!m.matches() || !DIRECTIVES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
          return;
        }
        String key = m.group(1).toLowerCase(Locale.ROOT);
        String value = m.group(2);
        int column = lines[next].indexOf(value, lines[next].indexOf('=')) + 1;
        if (!seen.add(key)) {
          problem(next + 1, 1, "the '" + key + "' parser directive is given twice",
              "keep one '# " + key + "=' line at the top of the file");
        } else if (key.equals("escape")) {
          if (value.equals("\\") || value.equals("`")) {
            escape = value.charAt(0);
          } else {
            problem(next + 1, Math.max(column, 1), "invalid escape directive value '" + value
                + "': expected '\\' or '`'", "write '# escape=\\' or '# escape=`'");
          }
        } else if (key.equals("syntax")) {
          syntax = value;
        }
        next++;
      }
    }

    /** Reads one instruction starting at {@link #next}; null when it was rejected. */
    private Instruction instruction(List<Comment> comments) {
      Logical logical = logicalLine();
      String text = logical.text.toString();
      int start = 0;
      while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      int end = start;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      String word = text.substring(start, end);
      String rest = text.substring(end).strip();
      int restOffset = rest.isEmpty() ? text.length() : text.indexOf(rest, end);
      return build(word, rest, logical, start, restOffset, comments, false);
    }

    private Instruction build(String word, String rest, Logical logical, int wordOffset,
        int restOffset, List<Comment> comments, boolean trigger) {
      int line = logical.lineAt(wordOffset);
      int column = logical.columnAt(wordOffset);
      if (!KEYWORD.matcher(word).matches() || !KEYWORDS.contains(word.toUpperCase(Locale.ROOT))) {
        unknownInstruction(word, line, column);
        return null;
      }
      String keyword = word.toUpperCase(Locale.ROOT);
      Map<String, String> flags = new LinkedHashMap<>();
      String args = rest;
      int argsOffset = restOffset;
      if (FLAGS.containsKey(keyword)) {
        while (args.startsWith("--")) {
          int space = firstWhitespace(args);
          String flag = args.substring(2, space);
          int eq = flag.indexOf('=');
          String name = eq < 0 ? flag : flag.substring(0, eq);
          String value = eq < 0 ? "" : flag.substring(eq + 1);
          if (!FLAGS.get(keyword).contains(name)) {
            problem(logical.lineAt(argsOffset), logical.columnAt(argsOffset),
                "unknown flag --" + name + " for " + keyword + ": expected one of "
                    + sorted(FLAGS.get(keyword)),
                "remove the flag or correct its spelling");
          }
          // A repeated flag such as --mount keeps every value, one per line.
          flags.merge(name, value, (a, b) -> a + "\n" + b);
          String after = args.substring(space).stripLeading();
          argsOffset += args.length() - after.length();
          args = after;
        }
      }
      List<Heredoc> heredocs = trigger || !Set.of("RUN", "COPY", "ADD").contains(keyword)
          ? List.of() : heredocs(args, logical);
      Optional<List<String>> exec = Optional.empty();
      if (JSON_CAPABLE.contains(keyword) && args.startsWith("[")) {
        try {
          exec = Optional.of(json.readValue(args, new TypeReference<List<String>>() {}));
        } catch (java.io.IOException notJson) {
          // BuildKit falls back to the shell form when the array is not valid JSON.
          exec = Optional.empty();
        }
      }
      Optional<Instruction> onbuild = Optional.empty();
      if (keyword.equals("ONBUILD")) {
        onbuild = Optional.ofNullable(onbuild(args, logical, argsOffset, comments));
      }
      Span span = new Span(line, column, logical.lastLine(), logical.lastColumn());
      if (!heredocs.isEmpty()) {
        Span last = heredocs.get(heredocs.size() - 1).span();
        span = new Span(line, column, last.endLine(), last.endColumn());
      }
      Instruction instruction = new Instruction(keyword,
          java.util.Collections.unmodifiableMap(flags), args, exec,
          List.copyOf(heredocs), span, comments, onbuild);
      validate(instruction, logical, argsOffset);
      return instruction;
    }

    private Instruction onbuild(String args, Logical logical, int offset, List<Comment> c) {
      if (args.isEmpty()) {
        problem(logical.lineAt(offset), logical.columnAt(offset),
            "ONBUILD needs an instruction to register", "write e.g. 'ONBUILD RUN make'");
        return null;
      }
      int space = firstWhitespace(args);
      String word = args.substring(0, space);
      String upper = word.toUpperCase(Locale.ROOT);
      if (Set.of("ONBUILD", "FROM", "MAINTAINER").contains(upper)) {
        problem(logical.lineAt(offset), logical.columnAt(offset),
            upper + " is not allowed as an ONBUILD trigger",
            "move the " + upper + " instruction out of ONBUILD");
        return null;
      }
      String rest = args.substring(space).strip();
      int restOffset = rest.isEmpty() ? offset + args.length()
          : offset + args.indexOf(rest, space);
      return build(word, rest, logical, offset, restOffset, c, true);
    }

    private void validate(Instruction in, Logical logical, int argsOffset) {
      int line = logical.lineAt(argsOffset);
      int column = logical.columnAt(argsOffset);
      String args = in.arguments();
      String k = in.keyword();
      boolean empty = args.isEmpty();
      switch (k) {
        case "FROM" -> {
          String[] words = args.split("\\s+");
          if (empty) {
            problem(line, column, "FROM needs a base image", "write e.g. 'FROM debian:12'");
          } else if (words.length == 2 || words.length > 3
              || (words.length == 3 && !words[1].equalsIgnoreCase("AS"))) {
            problem(line, column, "FROM expects 'IMAGE [AS NAME]' but got '" + args + "'",
                "write 'FROM " + words[0] + " AS <name>' or drop the extra words");
          } else if (words.length == 3 && !STAGE_NAME.matcher(
              words[2].toLowerCase(Locale.ROOT)).matches()) {
            problem(line, column, "invalid stage name '" + words[2]
                    + "': expected a letter followed by letters, digits, '.', '_' or '-'",
                "rename the stage, e.g. 'AS build'");
          }
        }
        case "RUN", "CMD", "ENTRYPOINT", "VOLUME", "EXPOSE" -> {
          if (empty) {
            problem(line, column, k + " needs at least one argument",
                "add the arguments or remove the empty " + k);
          }
        }
        case "SHELL" -> {
          if (in.execForm().isEmpty()) {
            problem(line, column, "SHELL needs its arguments as a JSON array, got '" + args + "'",
                "write e.g. SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]");
          }
        }
        case "WORKDIR", "USER", "STOPSIGNAL" -> {
          if (empty || (!k.equals("WORKDIR") && args.split("\\s+").length > 1)) {
            problem(line, column, k + " needs exactly one argument, got '" + args + "'",
                "give a single value");
          } else {
            expandCheck(args, logical, argsOffset);
          }
        }
        case "COPY", "ADD" -> copy(in, logical, argsOffset);
        case "ENV", "ARG", "LABEL" -> keyValues(in, logical, argsOffset);
        case "HEALTHCHECK" -> {
          String upper = args.toUpperCase(Locale.ROOT);
          if (!upper.equals("NONE") && !upper.startsWith("CMD ") && !upper.startsWith("CMD[")) {
            problem(line, column, "HEALTHCHECK expects 'NONE' or '[OPTIONS] CMD command', got '"
                + args + "'", "write e.g. 'HEALTHCHECK CMD curl -f http://localhost/'");
          }
        }
        default -> {
          // MAINTAINER and ONBUILD have nothing more to check here.
        }
      }
    }

    private void copy(Instruction in, Logical logical, int argsOffset) {
      int count;
      if (in.execForm().isPresent()) {
        count = in.execForm().get().size();
      } else {
        try {
          count = new VariableExpander(escape).split(in.arguments()).size();
        } catch (ExpansionException e) {
          problem(logical.lineAt(argsOffset + e.offset()), logical.columnAt(argsOffset
              + e.offset()), in.keyword() + ": " + e.getMessage(), "close the quote");
          return;
        }
      }
      if (count < 2) {
        problem(logical.lineAt(argsOffset), logical.columnAt(argsOffset), in.keyword()
                + " needs a source and a destination but got " + count + " argument"
                + (count == 1 ? "" : "s"),
            "write '" + in.keyword() + " <source>... <destination>'");
      }
      in.flag("from").ifPresent(from -> {
        if (from.isEmpty()) {
          problem(logical.lineAt(argsOffset), 1, "COPY --from needs a stage name, a stage"
              + " index or an image", "write e.g. 'COPY --from=build /out /out'");
        }
      });
    }

    private void keyValues(Instruction in, Logical logical, int argsOffset) {
      String k = in.keyword();
      if (in.arguments().isEmpty()) {
        problem(logical.lineAt(argsOffset), logical.columnAt(argsOffset),
            k + " needs at least one " + (k.equals("ARG") ? "name" : "key=value pair"),
            "write e.g. '" + k + (k.equals("ARG") ? " VERSION=1.0'" : " KEY=value'"));
        return;
      }
      List<VariableExpander.RawWord> words;
      try {
        words = new VariableExpander(escape).split(in.arguments());
      } catch (ExpansionException e) {
        problem(logical.lineAt(argsOffset + e.offset()), logical.columnAt(argsOffset
            + e.offset()), k + ": " + e.getMessage(), "close the quote or escape it");
        return;
      }
      boolean legacy = !k.equals("ARG") && !words.get(0).text().contains("=");
      if (legacy && words.size() < 2) {
        problem(logical.lineAt(argsOffset), logical.columnAt(argsOffset),
            k + " '" + in.arguments() + "' has a name but no value",
            "write '" + k + " " + words.get(0).text() + "=<value>'");
        return;
      }
      for (VariableExpander.RawWord w : legacy ? words.subList(0, 1) : words) {
        int eq = w.text().indexOf('=');
        String name = eq < 0 ? w.text() : w.text().substring(0, eq);
        int at = argsOffset + w.offset();
        if (name.isEmpty()) {
          problem(logical.lineAt(at), logical.columnAt(at), k + " has a value '" + w.text()
              + "' without a name", "put the name before '=', e.g. '" + k + " NAME=value'");
        } else if (!k.equals("LABEL") && !name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
          problem(logical.lineAt(at), logical.columnAt(at), k + " name '" + name
              + "' is not a valid variable name", "use letters, digits and '_' only");
        } else if (!k.equals("ARG") && !legacy && eq < 0) {
          problem(logical.lineAt(at), logical.columnAt(at), k + " '" + w.text()
              + "' has no '=': mixing 'NAME value' with NAME=value pairs",
              "write '" + name + "=<value>'");
        } else if (eq >= 0) {
          expandCheck(w.text().substring(eq + 1), logical, at + eq + 1);
        }
      }
    }

    private void expandCheck(String word, Logical logical, int offset) {
      try {
        new VariableExpander(escape).expand(word, Map.of());
      } catch (ExpansionException e) {
        problem(logical.lineAt(offset + e.offset()), logical.columnAt(offset + e.offset()),
            e.getMessage(), "close the quote or the '${', or escape the character with "
                + escape);
      }
    }

    private List<Heredoc> heredocs(String args, Logical logical) {
      List<Heredoc> found = new ArrayList<>();
      char quote = 0;
      for (int i = 0; i < args.length(); i++) {
        char c = args.charAt(i);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
          continue;
        }
        if (c == escape) {
          i++;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '<' && args.startsWith("<<", i) && !args.startsWith("<<<", i)
            && (i == 0 || Character.isWhitespace(args.charAt(i - 1)))) {
          // Like BuildKit, only a word that starts with << opens a heredoc: $((1<<3)) does not.
          Matcher m = HEREDOC.matcher(args).region(i, args.length());
          if (m.lookingAt()) {
            boolean strip = !m.group(1).isEmpty();
            boolean quoted = m.group(4) == null;
            String name = quoted ? (m.group(2) != null ? m.group(2) : m.group(3)) : m.group(4);
            found.add(body(name, strip, !quoted, logical));
            i = m.end() - 1;
          }
        }
      }
      return found;
    }

    private Heredoc body(String name, boolean stripTabs, boolean expand, Logical logical) {
      int start = next + 1;
      StringBuilder body = new StringBuilder();
      while (next < lines.length) {
        String line = lines[next++];
        String compare = stripTabs ? line.replaceFirst("^\t+", "") : line;
        if (compare.equals(name)) {
          return new Heredoc(name, body.toString(), expand,
              new Span(start, 1, next, Math.max(line.length(), 1)));
        }
        body.append(compare).append('\n');
      }
      problem(logical.firstLine(), 1, "heredoc '<<" + name + "' opened on line "
              + logical.firstLine() + " is never closed: expected a line '" + name + "'",
          "add a line containing only '" + name + "' after the heredoc body");
      return new Heredoc(name, body.toString(), expand, new Span(start, 1, lines.length, 1));
    }

    private void checkStages(List<Instruction> instructions) {
      Map<String, Integer> names = new HashMap<>();
      int stage = -1;
      for (Instruction in : instructions) {
        if (in.keyword().equals("FROM")) {
          stage++;
          String[] words = in.arguments().split("\\s+");
          if (words.length == 3) {
            String name = words[2].toLowerCase(Locale.ROOT);
            if (names.containsKey(name)) {
              problem(in.span().startLine(), in.span().startColumn(), "duplicate stage name '"
                      + name + "': stage " + names.get(name) + " already uses it",
                  "give each stage its own name");
            }
            names.put(name, stage);
          }
        } else if (stage < 0 && !in.keyword().equals("ARG")) {
          problem(in.span().startLine(), in.span().startColumn(), in.keyword()
                  + " before the first FROM: only ARG may come before FROM",
              "add a FROM line above it or move it below the first FROM");
        } else if (in.keyword().equals("COPY") && in.flag("from").isPresent()) {
          String from = in.flag("from").get().toLowerCase(Locale.ROOT);
          if (from.matches("\\d+") && Integer.parseInt(from) >= stage) {
            problem(in.span().startLine(), in.span().startColumn(), "COPY --from=" + from
                    + " refers to stage " + from + " but " + (stage == 0
                    ? "no stage comes before this one"
                    : "only stages 0.." + (stage - 1) + " come before this one"),
                "refer to an earlier stage by its index or name");
          } else if (names.containsKey(from) && names.get(from) == stage) {
            problem(in.span().startLine(), in.span().startColumn(), "COPY --from=" + from
                    + " refers to the stage it is in",
                "copy from an earlier stage or from an image");
          }
        }
      }
      if (stage < 0 && problems.isEmpty()) {
        problem(Math.max(lines.length, 1), 1, "no FROM instruction: a Dockerfile needs at least"
            + " one build stage", "add a line like 'FROM debian:12'");
      }
    }

    private void unknownInstruction(String word, int line, int column) {
      String upper = word.toUpperCase(Locale.ROOT);
      String suggestion = closest(upper);
      String message = "unknown instruction '" + word + "': expected one of the Dockerfile"
          + " instructions (" + String.join(", ", KEYWORDS) + ")";
      String fix;
      if (line > 1 && !lines[line - 2].strip().isEmpty()
          && !lines[line - 2].strip().startsWith("#")
          && !lines[line - 2].stripTrailing().endsWith(String.valueOf(escape))) {
        fix = "if this line continues the instruction above, end line " + (line - 1)
            + " with '" + escape + "'" + (suggestion == null ? "" : "; if not, did you mean "
            + suggestion + "?");
      } else {
        fix = suggestion == null ? "start the line with an instruction keyword"
            : "did you mean " + suggestion + "?";
      }
      problem(line, column, message, fix);
    }

    private String closest(String word) {
      String best = null;
      int bestDistance = 3;
      for (String k : KEYWORDS) {
        int d = Suggest.distance(word, k);
        if (d < bestDistance) {
          best = k;
          bestDistance = d;
        }
      }
      return best;
    }

    /** Joins continuation lines, keeping the source position of every character. */
    private Logical logicalLine() {
      Logical logical = new Logical();
      while (next < lines.length) {
        String line = lines[next];
        String trimmed = line.stripTrailing();
        boolean continues = !trimmed.isEmpty() && trimmed.charAt(trimmed.length() - 1) == escape
            && !(trimmed.length() >= 2 && trimmed.charAt(trimmed.length() - 2) == escape
            && escape == '`');
        String content = continues ? trimmed.substring(0, trimmed.length() - 1) : line;
        logical.append(content, next + 1);
        next++;
        if (!continues) {
          break;
        }
        while (next < lines.length && (lines[next].isBlank()
            || lines[next].stripLeading().startsWith("#"))) {
          next++;
        }
      }
      return logical;
    }

    private void problem(int line, int column, String message, String fix) {
      problems.add(new SyntaxProblem(path, line, column, message, fix));
    }
  }

  /** A logical line with the source line and column of each of its characters. */
  private static final class Logical {
    final StringBuilder text = new StringBuilder();
    final List<int[]> positions = new ArrayList<>();
    int first;
    int[] last = {1, 1};

    void append(String content, int line) {
      for (int i = 0; i < content.length(); i++) {
        text.append(content.charAt(i));
        positions.add(new int[] {line, i + 1});
      }
      last = new int[] {line, Math.max(content.length(), 1)};
      if (first == 0) {
        first = line;
      }
    }

    int lineAt(int offset) {
      return position(offset)[0];
    }

    int columnAt(int offset) {
      return position(offset)[1];
    }

    int firstLine() {
      return first == 0 ? 1 : first;
    }

    int lastLine() {
      return last[0];
    }

    int lastColumn() {
      return last[1];
    }

    private int[] position(int offset) {
      if (offset >= positions.size()) {
        return positions.isEmpty() ? new int[] {firstLine(), 1}
            : new int[] {last[0], last[1] + 1};
      }
      return positions.get(Math.max(0, offset));
    }
  }

  private static int firstWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return s.length();
  }

  private static String sorted(Set<String> flags) {
    return flags.stream().sorted().map(f -> "--" + f).reduce((a, b) -> a + ", " + b).orElse("");
  }
}
