package io.flowascode.compiler.el;

import java.util.List;

/**
 * A config value that holds `${...}`, parsed as the platform parses it.
 *
 * @param text the whole value, literal text and expressions
 * @param functions the functions it calls, by their full name (`str:trim`, `uuid`), in order of appearance
 * @param variables the names it reads (parameters, constants), in order of appearance
 */
public record ParsedExpression(String text, List<FunctionCall> functions, List<String> variables, Object tree) {
  public ParsedExpression {
    functions = List.copyOf(functions);
    variables = List.copyOf(variables);
  }

  /** One call of a function, with how many arguments it is given. */
  public record FunctionCall(String name, int arguments) {}
}
