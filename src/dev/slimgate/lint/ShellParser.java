package dev.slimgate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a POSIX shell script into simple commands. It is deliberately forgiving: the linter only
 * needs to recognise package managers, downloads, archives and file operations, and a script the
 * shell itself would reject is reported by the build, not here.
 */
final class ShellParser {

  private static final Set<String> PREFIX_KEYWORDS =
      Set.of("if", "then", "else", "elif", "do", "while", "until", "!", "{", "}", "time");
  private static final Set<String> END_KEYWORDS = Set.of("fi", "done", "esac", "}");

  List<ShellCommand> parse(String script) {
    List<ShellCommand> commands = new ArrayList<>();
    List<String> words = new ArrayList<>();
    List<ShellCommand.Redirect> redirects = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    String pendingRedirect = null;
    boolean readsPipe = false;
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == '\\' && i + 1 < script.length()) {
        if (script.charAt(i + 1) == '\n') {
          i += 2;
          continue;
        }
        word.append(c).append(script.charAt(i + 1));
        i += 2;
      } else if (c == '\'') {
        int end = script.indexOf('\'', i + 1);
        end = end < 0 ? script.length() - 1 : end;
        word.append(script, i, end + 1);
        i = end + 1;
      } else if (c == '"') {
        int end = i + 1;
        while (end < script.length() && script.charAt(end) != '"') {
          end += script.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(end, script.length() - 1);
        word.append(script, i, end + 1);
        i = end + 1;
      } else if (c == '$' && i + 1 < script.length()
          && (script.charAt(i + 1) == '(' || script.charAt(i + 1) == '{')) {
        int end = closing(script, i + 1);
        word.append(script, i, end + 1);
        i = end + 1;
      } else if (c == '`') {
        int end = script.indexOf('`', i + 1);
        end = end < 0 ? script.length() - 1 : end;
        word.append(script, i, end + 1);
        i = end + 1;
      } else if (c == '#' && word.length() == 0) {
        int end = script.indexOf('\n', i);
        i = end < 0 ? script.length() : end;
      } else if (c == ' ' || c == '\t') {
        pendingRedirect = flush(word, words, redirects, pendingRedirect);
        i++;
      } else if (c == '>' || c == '<') {
        String digits = word.toString().matches("\\d*") ? word.toString() : null;
        if (digits == null) {
          pendingRedirect = flush(word, words, redirects, pendingRedirect);
        }
        word.setLength(0);
        int end = i;
        while (end < script.length() && "<>&|".indexOf(script.charAt(end)) >= 0) {
          end++;
        }
        String op = script.substring(i, end);
        i = end;
        if (op.endsWith("&") && i < script.length() && Character.isDigit(script.charAt(i))) {
          i++;
          continue;
        }
        pendingRedirect = op;
      } else if (c == '\n' || c == ';' || c == '|' || c == '&' || c == '(' || c == ')') {
        pendingRedirect = flush(word, words, redirects, pendingRedirect);
        boolean pipe = c == '|' && (i + 1 >= script.length() || script.charAt(i + 1) != '|');
        if (c == '&' && i + 1 < script.length() && script.charAt(i + 1) == '>') {
          pendingRedirect = "&>";
          i += 2;
          continue;
        }
        end(commands, words, redirects, readsPipe, pipe);
        readsPipe = pipe;
        words = new ArrayList<>();
        redirects = new ArrayList<>();
        boolean doubled = i + 1 < script.length() && script.charAt(i + 1) == c
            && (c == '&' || c == '|' || c == ';');
        i += doubled ? 2 : 1;
      } else {
        word.append(c);
        i++;
      }
    }
    flush(word, words, redirects, pendingRedirect);
    end(commands, words, redirects, readsPipe, false);
    return commands;
  }

  private static String flush(StringBuilder word, List<String> words,
      List<ShellCommand.Redirect> redirects, String pendingRedirect) {
    if (word.length() == 0) {
      return pendingRedirect;
    }
    if (pendingRedirect != null) {
      redirects.add(new ShellCommand.Redirect(pendingRedirect, word.toString()));
    } else {
      words.add(word.toString());
    }
    word.setLength(0);
    return null;
  }

  private static void end(List<ShellCommand> commands, List<String> words,
      List<ShellCommand.Redirect> redirects, boolean readsPipe, boolean writesPipe) {
    int start = 0;
    while (start < words.size() && PREFIX_KEYWORDS.contains(words.get(start))) {
      start++;
    }
    List<String> rest = words.subList(start, words.size());
    if (rest.isEmpty() || (rest.size() == 1 && END_KEYWORDS.contains(rest.get(0)))) {
      if (!redirects.isEmpty() || writesPipe) {
        commands.add(new ShellCommand(List.of(), List.copyOf(redirects), readsPipe, writesPipe));
      }
      return;
    }
    commands.add(new ShellCommand(List.copyOf(rest), List.copyOf(redirects), readsPipe,
        writesPipe));
  }

  private static int closing(String s, int open) {
    char o = s.charAt(open);
    char c = o == '(' ? ')' : '}';
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\'' ) {
        int end = s.indexOf('\'', i + 1);
        i = end < 0 ? s.length() : end;
      } else if (ch == o) {
        depth++;
      } else if (ch == c && --depth == 0) {
        return i;
      }
    }
    return s.length() - 1;
  }
}
