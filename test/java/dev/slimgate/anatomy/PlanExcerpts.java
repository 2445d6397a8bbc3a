package dev.slimgate.anatomy;

import dev.slimgate.core.UsageException;
import dev.slimgate.plan.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Reads the components and savings of partial plans that tests write inline. */
final class PlanExcerpts {

  private PlanExcerpts() {}

  static PlanExcerpt parse(String yaml, String file) {
    Object doc;
    try {
      doc = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    } catch (RuntimeException e) {
      throw new UsageException("plan " + file + " is not valid YAML: " + e.getMessage());
    }
    Map<String, List<String>> components = new LinkedHashMap<>();
    Map<String, List<PlanExcerpt.Saving>> savings = new LinkedHashMap<>();
    if (!(doc instanceof Map<?, ?> root)) {
      throw new UsageException("plan " + file + " is not a YAML mapping");
    }
    if (root.get("components") instanceof Map<?, ?> comps) {
      for (Map.Entry<?, ?> c : comps.entrySet()) {
        List<String> paths = new ArrayList<>();
        if (c.getValue() instanceof Map<?, ?> body && body.get("paths") instanceof List<?> ps) {
          for (Object p : ps) {
            paths.add(String.valueOf(p));
          }
        }
        components.put(String.valueOf(c.getKey()), paths);
      }
    }
    if (root.get("phases") instanceof List<?> phases) {
      for (Object ph : phases) {
        if (!(ph instanceof Map<?, ?> phase)) {
          continue;
        }
        List<PlanExcerpt.Saving> list = new ArrayList<>();
        if (phase.get("savings") instanceof List<?> ss) {
          for (Object s : ss) {
            if (s instanceof Map<?, ?> sv) {
              list.add(saving(sv, file));
            }
          }
        }
        savings.put(String.valueOf(phase.get("id")), list);
      }
    }
    return new PlanExcerpt(components, savings);
  }

  private static PlanExcerpt.Saving saving(Map<?, ?> sv, String file) {
    Object bytes = sv.get("bytes");
    long b;
    try {
      b = bytes instanceof Number n ? n.longValue() : Units.parseSize(String.valueOf(bytes));
    } catch (IllegalArgumentException e) {
      throw new UsageException("plan " + file + ": saving '" + sv.get("change") + "' has bytes "
          + bytes + ", which is not a size such as 2.93GB");
    }
    Object comp = sv.get("component");
    return new PlanExcerpt.Saving(String.valueOf(sv.get("change")), comp == null ? null : comp.toString(), b);
  }
}
