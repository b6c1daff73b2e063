package io.flowascode.compiler.el;

import org.jspecify.annotations.Nullable;
import io.flowascode.compiler.catalog.ElCatalog;
import io.flowascode.compiler.catalog.ElFunction;
import io.flowascode.compiler.catalog.ElScope;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.jsp.el.ELException;
import javax.servlet.jsp.el.FunctionMapper;
import javax.servlet.jsp.el.VariableResolver;
import org.apache.commons.el.ExpressionEvaluatorImpl;

/**
 * Evaluates an IMPLICIT config's expression the way the engine does when it creates the stage (on
 * every save): with the pipeline's parameters and the config's constants in scope, only the
 * config's functions callable, and the result converted to the config's type. Functions are not
 * run; a call returns nothing, which converts to every type, so only what the engine refuses
 * whatever the functions return is reported: syntax, unknown names, argument counts, and literals
 * or parameters that cannot become the config's type.
 */
// commons-el is written against the JSP 2.0 EL API, deprecated since JSP 2.1: it is the API the
// engine's own evaluator uses, which is why it is used here.
@SuppressWarnings({"deprecation", "unchecked"})
public final class ImplicitEvaluation {
  private static final ExpressionEvaluatorImpl EVALUATOR = new ExpressionEvaluatorImpl(true);

  /**
   * Values of the platform's numeric constants, from its source (stagesupport TimeEL and
   * DataUnitsEL, container RuntimeEL); the others (field types, PATTERN) evaluate to their name.
   */
  private static final Map<String, Object> CONSTANT_VALUES = constantValues();

  /** The Java type the engine converts the result to. */
  public enum Target {
    TEXT(String.class),
    NUMBER(Long.class),
    BOOLEAN(Boolean.class),
    CHOICE(String.class),
    ANY(Object.class);

    private final Class<?> type;

    Target(Class<?> type) {
      this.type = type;
    }
  }


  private ImplicitEvaluation() {}

  /**
   * Why the engine would fail to evaluate this value, or empty when it would not.
   *
   * @param parameters the pipeline's parameters (its `constants`), by name
   */
  public static Optional<String> failure(ParsedExpression expression, ElScope scope, ElCatalog catalog,
      Map<String, ?> parameters, Target target) {
    return failure(expression, scope, catalog, parameters, target, List.of());
  }

  /**
   * @param choices for a {@link Target#CHOICE}, the enum's values: the engine converts the result
   *     to the enum by name
   */
  public static Optional<String> failure(ParsedExpression expression, ElScope scope, ElCatalog catalog,
      Map<String, ?> parameters, Target target, List<String> choices) {
    // A function the catalog does not describe is taken at the argument count it is called with.
    Map<String, Integer> calledWith = new HashMap<>();
    expression.functions().forEach(f -> calledWith.putIfAbsent(f.name(), f.arguments()));
    Map<String, Object> constants = new HashMap<>(parameters);
    for (String name : scope.known() ? scope.constants() : catalogConstants(catalog)) {
      constants.put(name, CONSTANT_VALUES.containsKey(name) ? CONSTANT_VALUES.get(name) : name);
    }
    // Where the definitions do not say which constants the config has, a name cannot be judged.
    VariableResolver variables = name -> {
      if (!constants.containsKey(name) && scope.known()) {
        throw new ELException("Constants/Variable '" + name + "' cannot be resolved");
      }
      return constants.get(name);
    };
    FunctionMapper functions = (prefix, local) -> {
      String name = prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
      if (scope.known() && !scope.functions().contains(name)) {
        return null;
      }
      int arity = catalog.function(name).map(ElFunction::argumentTypes).map(java.util.List::size)
          .orElse(calledWith.getOrDefault(name, 0));
      return Stubs.withArity(arity);
    };
    try {
      if (target == Target.CHOICE) {
        Object result = EVALUATOR.evaluate(expression.text(), String.class, variables, functions);
        if (result instanceof String text && !text.isEmpty() && !choices.contains(text)) {
          return Optional.of("`" + text + "` is not one of the values it may take");
        }
        return Optional.empty();
      }
      EVALUATOR.evaluate(expression.text(), target.type, variables, functions);
      return Optional.empty();
    } catch (ELException e) {
      return Optional.of(message(e));
    } catch (RuntimeException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  private static java.util.List<String> catalogConstants(ElCatalog catalog) {
    return catalog.constants().stream().map(c -> c.name()).toList();
  }

  private static String message(ELException e) {
    Throwable root = e.getRootCause() != null ? e.getRootCause() : e;
    String m = root.getMessage() == null ? root.toString() : root.getMessage();
    return m.replace('\n', ' ').replaceAll("\\s+", " ").trim();
  }

  private static Map<String, Object> constantValues() {
    Map<String, Object> v = new HashMap<>();
    v.put("SECONDS", 1);
    v.put("MINUTES", 60);
    v.put("HOURS", 60 * 60);
    v.put("KB", 1000);
    v.put("MB", 1000 * 1000);
    v.put("GB", 1000 * 1000 * 1000);
    v.put("NULL", null);
    return v;
  }

  /**
   * Static methods of every arity up to eight that stand for the platform's functions: the
   * evaluator checks a call's argument count against the method's, and each returns null.
   */
  public static final class Stubs {
    private Stubs() {}

    public static @Nullable Object f0() {
      return null;
    }

    public static @Nullable Object f1(Object a) {
      return null;
    }

    public static @Nullable Object f2(Object a, Object b) {
      return null;
    }

    public static @Nullable Object f3(Object a, Object b, Object c) {
      return null;
    }

    public static @Nullable Object f4(Object a, Object b, Object c, Object d) {
      return null;
    }

    public static @Nullable Object f5(Object a, Object b, Object c, Object d, Object e) {
      return null;
    }

    public static @Nullable Object f6(Object a, Object b, Object c, Object d, Object e, Object f) {
      return null;
    }

    public static @Nullable Object f7(Object a, Object b, Object c, Object d, Object e, Object f, Object g) {
      return null;
    }

    public static @Nullable Object f8(Object a, Object b, Object c, Object d, Object e, Object f, Object g, Object h) {
      return null;
    }

    /** The stub taking this many arguments (functions of more than eight are called with eight). */
    static Method withArity(int arity) {
      arity = Math.max(0, Math.min(arity, 8));
      try {
        Class<?>[] params = new Class<?>[arity];
        java.util.Arrays.fill(params, Object.class);
        return Stubs.class.getMethod("f" + arity, params);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
