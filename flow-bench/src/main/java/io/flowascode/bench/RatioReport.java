package io.flowascode.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a JMH JSON result file ({@code -rf json -rff FILE}) of {@link CompileBenchmark} and
 * prints, per size, the median of compile and of the baseline, their ratio against the target of
 * 3x, and the growth from one size to the next against the target of 12x per tenfold.
 * {@code RatioReport FILE}.
 */
public final class RatioReport {
  private static final double RATIO_TARGET = 3.0;
  private static final double GROWTH_TARGET = 12.0;

  private RatioReport() {}

  public static void main(String[] args) throws IOException {
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    Map<Integer, Double> compile = new TreeMap<>();
    Map<Integer, Double> baseline = new TreeMap<>();
    String unit = "";
    for (JsonNode r : results) {
      String name = r.path("benchmark").asText();
      int stages = r.path("params").path("stages").asInt();
      JsonNode metric = r.path("primaryMetric");
      unit = metric.path("scoreUnit").asText();
      JsonNode p50 = metric.path("scorePercentiles").path("50.0");
      double median = p50.isMissingNode() ? metric.path("score").asDouble() : p50.asDouble();
      if (name.endsWith(".compile")) {
        compile.put(stages, median);
      } else if (name.endsWith(".baseline")) {
        baseline.put(stages, median);
      }
    }
    System.out.printf("| stages | compile median (%s) | baseline median (%s) | ratio (target <= %.0fx) | compile growth vs 10x fewer stages (target <= %.0fx) | baseline growth |%n",
        unit, unit, RATIO_TARGET, GROWTH_TARGET);
    System.out.println("|---:|---:|---:|---:|---:|---:|");
    for (Map.Entry<Integer, Double> e : compile.entrySet()) {
      int n = e.getKey();
      double c = e.getValue();
      Double b = baseline.get(n);
      String ratio = b == null ? "n/a" : String.format("%.2fx %s", c / b, c / b <= RATIO_TARGET ? "met" : "NOT met");
      Double smaller = compile.get(n / 10);
      String growth = smaller == null ? "" : String.format("%.1fx %s", c / smaller, c / smaller <= GROWTH_TARGET ? "met" : "NOT met");
      Double bSmaller = baseline.get(n / 10);
      String bGrowth = bSmaller == null || b == null ? "" : String.format("%.1fx", b / bSmaller);
      System.out.printf("| %,d | %,.0f | %s | %s | %s | %s |%n", n, c, b == null ? "n/a" : String.format("%,.0f", b), ratio, growth, bGrowth);
    }
  }
}
