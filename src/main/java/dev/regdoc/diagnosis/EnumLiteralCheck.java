package dev.regdoc.diagnosis;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import org.kie.api.KieBase;

/**
 * Finds rules that compare an enum-typed field with a string, such as {@code role == "primary"}:
 * Drools compiles it and then never matches, so the rule silently stops firing. Each one found is
 * described with the constant to write instead.
 */
final class EnumLiteralCheck {
  private EnumLiteralCheck() {}

  /**
   * " file: "rule": Type.field is an enum ..." for each such comparison, in the conditions or in a
   * consequence (read from the rule's own file, which Drools compiles without keeping its text).
   */
  static List<String> problems(KieBase base, List<String> sources) {
    Map<String, String> consequences = RuleTexts.consequences(sources);
    Set<String> out = new LinkedHashSet<>();
    base.getKiePackages().stream()
        .flatMap(p -> p.getRules().stream())
        .map(RuleImpl.class::cast)
        .forEach(
            r -> {
              visit(r.getLhs(), r, out);
              for (StringComparisons.Comparison c :
                  StringComparisons.inJava(consequences.getOrDefault(r.getName(), ""))) {
                checkBound(c, r, out);
              }
            });
    return out.stream().sorted().toList();
  }

  /** "$t.protocol": the type the variable is bound to, then the accessor's. */
  private static void checkBound(StringComparisons.Comparison c, RuleImpl rule, Set<String> out) {
    int dot = c.path().indexOf('.');
    Declaration d = rule.getDeclaration(c.path().substring(0, dot));
    if (d != null && d.getDeclarationClass() != null) {
      report(
          d.getDeclarationClass(), c.path(), c.path().substring(dot + 1), c.literals(), rule, out);
    }
  }

  private static void visit(RuleConditionElement e, RuleImpl rule, Set<String> out) {
    if (e == null) {
      return;
    }
    if (e instanceof Pattern p && p.getObjectType() instanceof ClassObjectType type) {
      for (Constraint c : p.getConstraints()) {
        if (c instanceof MVELConstraint m) {
          check(type.getClassType(), m.getExpression(), rule, out);
        }
      }
    }
    for (RuleConditionElement nested : e.getNestedElements()) {
      visit(nested, rule, out);
    }
  }

  private static void check(Class<?> type, String expression, RuleImpl rule, Set<String> out) {
    for (StringComparisons.Comparison c : StringComparisons.in(expression)) {
      report(type, type.getSimpleName() + "." + c.path(), c.path(), c.literals(), rule, out);
    }
  }

  private static void report(
      Class<?> type,
      String shown,
      String path,
      List<String> literals,
      RuleImpl rule,
      Set<String> out) {
    Optional<Class<?>> field = typeOf(type, path);
    if (field.isEmpty() || !field.get().isEnum()) {
      return;
    }
    Class<?> enumType = field.get();
    List<String> constants = literals.stream().map(s -> constantFor(enumType, s)).toList();
    out.add(
        "  "
            + (rule.getResource() == null ? "?" : rule.getResource().getSourcePath())
            + ": \""
            + rule.getName()
            + "\": "
            + shown
            + " is the enum "
            + enumType.getSimpleName()
            + ", which never equals a string: write "
            + String.join(", ", constants));
  }

  /** The constant a string most likely meant: "phone-to-cucm" is Direction.PHONE_TO_CUCM. */
  private static String constantFor(Class<?> enumType, String literal) {
    String name = literal.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    boolean exists =
        Arrays.stream(enumType.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(name));
    String owner =
        enumType.getEnclosingClass() == null
            ? enumType.getSimpleName()
            : enumType.getEnclosingClass().getSimpleName() + "." + enumType.getSimpleName();
    return exists ? owner + "." + name : owner + ".<one of " + constantNames(enumType) + ">";
  }

  private static String constantNames(Class<?> enumType) {
    return String.join(
        ", ", Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
  }

  /** The type a property path such as {@code origin.file} reads, when every step is a getter. */
  private static Optional<Class<?>> typeOf(Class<?> type, String path) {
    Class<?> at = type;
    for (String step : path.split("\\.")) {
      Optional<Method> getter = getter(at, step);
      if (getter.isEmpty()) {
        return Optional.empty();
      }
      at = getter.get().getReturnType();
    }
    return Optional.of(at);
  }

  private static Optional<Method> getter(Class<?> type, String name) {
    String cap = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (String candidate : List.of(name, "get" + cap, "is" + cap)) {
      try {
        Method m = type.getMethod(candidate);
        if (!Modifier.isStatic(m.getModifiers())) {
          return Optional.of(m);
        }
      } catch (NoSuchMethodException e) {
        // try the next spelling of the getter
      }
    }
    return Optional.empty();
  }
}
