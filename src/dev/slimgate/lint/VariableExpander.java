package dev.slimgate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expands variables and removes quotes the way the Dockerfile frontend does for ENV, ARG, WORKDIR,
 * COPY and friends ({@code $V}, {@code ${V}}, {@code ${V:-x}}, {@code ${V:+x}}, {@code ${V-x}},
 * {@code ${V+x}}, {@code ${V#p}}, {@code ${V%p}}). A variable the Dockerfile never sets (HOME
 * from the base image, say) is kept as {@code ${NAME}} so that paths still compare.
 */
final class VariableExpander {

  private final char escape;

  VariableExpander(char escape) {
    this.escape = escape;
  }

  /** One word as written, with its offset in the text it was split from. */
  record RawWord(String text, int offset) {}

  /**
   * Splits on unquoted whitespace, keeping quotes and escapes in each word for {@link #expand}.
   */
  List<RawWord> split(String text) throws ExpansionException {
    List<RawWord> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int start = -1;
    char quote = 0;
    int quoteStart = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == 0 && Character.isWhitespace(c)) {
        if (start >= 0) {
          words.add(new RawWord(current.toString(), start));
          current.setLength(0);
          start = -1;
        }
        continue;
      }
      if (start < 0) {
        start = i;
      }
      current.append(c);
      if (c == escape && quote != '\'' && i + 1 < text.length()) {
        current.append(text.charAt(++i));
      } else if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
        quoteStart = i;
      } else if (c == quote) {
        quote = 0;
      }
    }
    if (quote != 0) {
      throw new ExpansionException(quoteStart, "unterminated " + quoteName(quote) + " quote");
    }
    if (start >= 0) {
      words.add(new RawWord(current.toString(), start));
    }
    return words;
  }

  /** Removes quotes and escapes and substitutes variables from {@code env}. */
  String expand(String word, Map<String, String> env) throws ExpansionException {
    StringBuilder out = new StringBuilder();
    int i = 0;
    boolean inDouble = false;
    while (i < word.length()) {
      char c = word.charAt(i);
      if (c == escape && i + 1 < word.length()) {
        char next = word.charAt(i + 1);
        if (!inDouble || next == '"' || next == '$' || next == escape || next == '`') {
          out.append(next);
        } else {
          out.append(c).append(next);
        }
        i += 2;
      } else if (c == '\'' && !inDouble) {
        int end = word.indexOf('\'', i + 1);
        if (end < 0) {
          throw new ExpansionException(i, "unterminated single quote");
        }
        out.append(word, i + 1, end);
        i = end + 1;
      } else if (c == '"') {
        inDouble = !inDouble;
        i++;
      } else if (c == '$') {
        i = variable(word, i, env, out);
      } else {
        out.append(c);
        i++;
      }
    }
    if (inDouble) {
      throw new ExpansionException(word.lastIndexOf('"'), "unterminated double quote");
    }
    return out.toString();
  }

  private int variable(String word, int dollar, Map<String, String> env, StringBuilder out)
      throws ExpansionException {
    int i = dollar + 1;
    if (i >= word.length()) {
      out.append('$');
      return i;
    }
    char c = word.charAt(i);
    if (c != '{') {
      int end = i;
      while (end < word.length() && isNameChar(word.charAt(end), end == i)) {
        end++;
      }
      if (end == i) {
        out.append('$');
        return i;
      }
      out.append(lookup(word.substring(i, end), env));
      return end;
    }
    int close = matchingBrace(word, i);
    if (close < 0) {
      throw new ExpansionException(dollar, "missing '}' to close '${' of a variable");
    }
    String inner = word.substring(i + 1, close);
    int nameEnd = 0;
    while (nameEnd < inner.length() && isNameChar(inner.charAt(nameEnd), nameEnd == 0)) {
      nameEnd++;
    }
    if (nameEnd == 0) {
      throw new ExpansionException(dollar, "bad substitution '${" + inner + "}': expected a"
          + " variable name after '${'");
    }
    String name = inner.substring(0, nameEnd);
    String rest = inner.substring(nameEnd);
    out.append(modifier(name, rest, env, dollar));
    return close + 1;
  }

  private String modifier(String name, String rest, Map<String, String> env, int at)
      throws ExpansionException {
    String value = env.get(name);
    boolean set = value != null;
    if (rest.isEmpty()) {
      return lookup(name, env);
    }
    boolean colon = rest.startsWith(":");
    String op = colon ? rest.substring(1, Math.min(2, rest.length())) : rest.substring(0, 1);
    String argument = rest.substring(colon ? 2 : 1);
    boolean present = colon ? set && !value.isEmpty() : set;
    switch (op) {
      case "-":
        return present ? value : expand(argument, env);
      case "+":
        return present ? expand(argument, env) : "";
      case "?":
        // Whether the build would stop depends on build arguments we do not know here.
        return present ? value : "${" + name + "}";
      case "#":
      case "%":
        if (colon) {
          break;
        }
        if (!set) {
          return "${" + name + rest + "}";
        }
        String pattern = expand(argument.replaceFirst("^[#%]", ""), env);
        if (op.equals("#") && value.startsWith(pattern)) {
          return value.substring(pattern.length());
        }
        if (op.equals("%") && value.endsWith(pattern)) {
          return value.substring(0, value.length() - pattern.length());
        }
        return value;
      default:
        break;
    }
    throw new ExpansionException(at, "unsupported modifier '" + rest + "' in '${" + name + rest
        + "}'; expected one of :- :+ :? - + ? # %");
  }

  private String lookup(String name, Map<String, String> env) {
    String value = env.get(name);
    return value != null ? value : "${" + name + "}";
  }

  private static int matchingBrace(String word, int open) {
    int depth = 0;
    for (int i = open; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isNameChar(char c, boolean first) {
    return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
        || (!first && c >= '0' && c <= '9');
  }

  private static String quoteName(char quote) {
    return quote == '"' ? "double" : "single";
  }
}
