package io.flowascode.compiler.verify;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Field paths as the platform reads them ({@code /a/b}, {@code /list[0]}, {@code /'odd name'},
 * {@code [*]}), and why one cannot be read: the same grammar as the engine's record path parser,
 * whose refusal it reports on save as VALIDATION_0033.
 */
public final class FieldPaths {
  // The engine does not check a path holding an expression; it is only known per record.
  private static final Pattern HOLDS_EXPRESSION = Pattern.compile(".*\\$\\{.*}.*");
  private static final Pattern BRACKET_EXPRESSION = Pattern.compile("^\\s*(\\$\\{.*})\\s*$");

  private FieldPaths() {}

  /** Why the engine cannot read this field path, or empty when it can. */
  public static Optional<String> problem(String path) {
    if (HOLDS_EXPRESSION.matcher(path).matches()) {
      return Optional.empty();
    }
    // Single-quote escaping, as the config validation parses paths.
    String p = path.replace("\\\\'", "\\'").replace("\\\\", "\\");
    char[] chars = p.toCharArray();
    boolean needStart = true;
    boolean inName = false;
    int depth = 0;
    boolean single = false;
    boolean dbl = false;
    StringBuilder part = new StringBuilder();
    int pos = 0;
    for (; pos < chars.length; pos++) {
      char ch = chars[pos];
      if (needStart && depth == 0) {
        needStart = false;
        inName = false;
        single = false;
        dbl = false;
        if (ch == '/') {
          inName = true;
        } else if (ch == '[') {
          depth++;
        } else {
          return Optional.of("a field path starts with `/` or `[`");
        }
      } else if (inName) {
        boolean escaped = pos > 0 && chars[pos - 1] == '\\';
        switch (ch) {
          case '\'' -> {
            if (!escaped && !dbl) {
              single = !single;
            }
          }
          case '"' -> {
            if (!escaped && !single) {
              dbl = !dbl;
            }
          }
          case '/', '[', ']' -> {
            if (!single && !dbl) {
              inName = false;
              if (ch == '[') {
                depth++;
              } else if (ch == ']') {
                depth--;
              }
              if (pos + 1 >= chars.length) {
                return Optional.of("a field name cannot be empty (the path ends with `" + ch + "`)");
              }
              if (chars[pos + 1] == ch) {
                pos++; // a doubled separator stands for itself inside the name
              } else {
                needStart = true;
                depth = 0;
                part.setLength(0);
                pos--;
              }
            }
          }
          default -> part.append(ch);
        }
      } else if (depth > 0) {
        if (ch == ']') {
          if (--depth == 0) {
            String inside = part.toString();
            boolean index = inside.equals("*") || inside.equals("?") || inside.matches("[0-9]+");
            if (!BRACKET_EXPRESSION.matcher(inside).matches()) {
              if (!index) {
                return Optional.of("only a number, `*` or an expression may stand between `[` and `]`");
              }
              if (inside.matches("[0-9]+") && !fitsInt(inside)) {
                return Optional.of("`" + inside + "` is too large for a list index");
              }
            }
            needStart = true;
            part.setLength(0);
          } else {
            part.append(ch);
          }
        } else {
          if (ch == '[') {
            depth++;
          }
          part.append(ch);
        }
      }
    }
    if (single || dbl) {
      return Optional.of("a quote in the field path is not closed");
    }
    if (pos < chars.length) {
      return Optional.of("the field path cannot be read at character " + pos);
    }
    return Optional.empty();
  }

  private static boolean fitsInt(String digits) {
    try {
      Integer.parseInt(digits);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
