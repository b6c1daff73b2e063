package io.flowascode.compiler.el;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.jsp.el.ELException;
import org.apache.commons.el.ArraySuffix;
import org.apache.commons.el.BinaryOperatorExpression;
import org.apache.commons.el.ComplexValue;
import org.apache.commons.el.ConditionalExpression;
import org.apache.commons.el.Expression;
import org.apache.commons.el.ExpressionEvaluatorImpl;
import org.apache.commons.el.ExpressionString;
import org.apache.commons.el.FunctionInvocation;
import org.apache.commons.el.NamedValue;
import org.apache.commons.el.UnaryOperatorExpression;
import java.io.StringReader;
import org.apache.commons.el.parser.ELParser;
import org.apache.commons.el.parser.ParseException;
import org.apache.commons.el.parser.Token;

/**
 * Parses config values that hold `${...}` with the parser Data Collector itself uses (Apache
 * commons-el 1.0, the JSP 2.0 expression language), so that what the compiler calls a syntax error
 * is exactly what the engine calls one.
 */
// commons-el is written against the JSP 2.0 EL API, deprecated since JSP 2.1: it is the API the
// engine's own evaluator uses, which is why it is used here.
@SuppressWarnings({"deprecation", "unchecked"})
public final class Expressions {
  // Bypassing the cache: commons-el's static cache keeps every expression ever parsed.
  private static final ExpressionEvaluatorImpl PARSER = new ExpressionEvaluatorImpl(true);
  private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

  private Expressions() {}

  /** True when the platform treats the value as an expression (it contains `${`). */
  public static boolean isExpression(String value) {
    return value != null && value.contains("${");
  }

  /** The parsed value, or the parser's error. */
  public static Result parse(String text) {
    Object tree;
    try {
      tree = PARSER.parseExpressionString(text);
    } catch (ELException e) {
      return new Result(Optional.empty(), Optional.of(syntaxError(text, e)));
    } catch (RuntimeException e) {
      // The generated parser throws TokenMgrError-like runtime errors on some inputs.
      return new Result(Optional.empty(), Optional.of(new ExpressionSyntaxError(String.valueOf(e.getMessage()), -1)));
    }
    List<ParsedExpression.FunctionCall> functions = new ArrayList<>();
    List<String> variables = new ArrayList<>();
    collect(tree, functions, variables);
    return new Result(Optional.of(new ParsedExpression(text, functions, variables, tree)), Optional.empty());
  }

  /** Either the parsed expression or why it could not be parsed. */
  public record Result(Optional<ParsedExpression> expression, Optional<ExpressionSyntaxError> error) {}

  private static void collect(Object node, List<ParsedExpression.FunctionCall> functions, List<String> variables) {
    if (node instanceof ExpressionString s) {
      for (Object element : s.getElements()) {
        collect(element, functions, variables);
      }
    } else if (node instanceof FunctionInvocation f) {
      List<?> args = f.getArgumentList();
      functions.add(new ParsedExpression.FunctionCall(functionName(f.getFunctionName()), args.size()));
      args.forEach(a -> collect(a, functions, variables));
    } else if (node instanceof NamedValue v) {
      variables.add(v.getName());
    } else if (node instanceof BinaryOperatorExpression b) {
      collect(b.getExpression(), functions, variables);
      b.getExpressions().forEach(e -> collect(e, functions, variables));
    } else if (node instanceof UnaryOperatorExpression u) {
      collect(u.getExpression(), functions, variables);
    } else if (node instanceof ConditionalExpression c) {
      collect(c.getCondition(), functions, variables);
      collect(c.getTrueBranch(), functions, variables);
      collect(c.getFalseBranch(), functions, variables);
    } else if (node instanceof ComplexValue c) {
      collect(c.getPrefix(), functions, variables);
      for (Object suffix : c.getSuffixes()) {
        if (suffix instanceof ArraySuffix a && a.getIndex() != null) {
          collect(a.getIndex(), functions, variables);
        }
      }
    } else if (node instanceof Expression) {
      // literals
    }
  }

  /** commons-el names an unprefixed function ":name"; the platform names it "name". */
  static String functionName(String raw) {
    return raw.startsWith(":") ? raw.substring(1) : raw;
  }

  /**
   * The parser's complaint in plain words, and where it stopped: the token after the last one it
   * accepted, which the parser numbers by line and column from 1 within the value.
   */
  private static ExpressionSyntaxError syntaxError(String text, ELException e) {
    // The evaluator's exception has lost the parser's; parsing again with the parser keeps it.
    ParseException p = null;
    try {
      new ELParser(new StringReader(text)).ExpressionString();
    } catch (ParseException again) {
      p = again;
    } catch (RuntimeException | Error ignored) {
      // the token manager's own errors carry no position
    }
    if (p != null && p.currentToken != null && p.currentToken.next != null) {
      Token bad = p.currentToken.next;
      String found = bad.kind == 0 ? "the value ends before the expression is complete"
          : "`" + bad.image + "` is not expected here";
      boolean closing = expects(p, "\"}\"");
      String message = found + (closing && bad.kind == 0 ? " (a closing `}` is missing)" : "");
      return new ExpressionSyntaxError(message, bad.kind == 0 ? text.length() : offsetOf(text, bad.beginLine, bad.beginColumn));
    }
    String m = e.getMessage() == null ? "the expression cannot be read" : e.getMessage();
    int offset = -1;
    Matcher at = POSITION.matcher(m);
    if (at.find()) {
      offset = offsetOf(text, Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)));
    }
    return new ExpressionSyntaxError(plain(m), offset);
  }

  private static boolean expects(ParseException p, String tokenImage) {
    if (p.expectedTokenSequences == null || p.tokenImage == null) {
      return false;
    }
    for (int[] sequence : p.expectedTokenSequences) {
      if (sequence.length > 0 && sequence[0] < p.tokenImage.length && tokenImage.equals(p.tokenImage[sequence[0]])) {
        return true;
      }
    }
    return false;
  }

  /** The parser numbers lines and columns from 1 within the value. */
  private static int offsetOf(String text, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line && offset < text.length(); l++) {
      int nl = text.indexOf('\n', offset);
      if (nl < 0) {
        return -1;
      }
      offset = nl + 1;
    }
    offset += column - 1;
    return offset >= 0 && offset <= text.length() ? offset : -1;
  }

  /**
   * The parser's message without its long list of expected tokens:
   * {@code Encountered "<EOF>" at line 1, column 12.} stays, {@code Was expecting one of: ...} goes.
   */
  private static String plain(String message) {
    String m = message.replace('\n', ' ').replaceAll("\\s+", " ").trim();
    int expecting = m.indexOf("Was expecting");
    if (expecting > 0) {
      m = m.substring(0, expecting).trim();
    }
    return m;
  }
}
