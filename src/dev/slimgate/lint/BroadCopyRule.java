package dev.slimgate.lint;

import java.util.ArrayList;
import java.util.List;

/** SG112: COPY . (the whole build context) without a .dockerignore. */
final class BroadCopyRule implements Rule {

  @Override
  public RuleInfo info() {
    return new RuleInfo("SG112", "broad-copy-without-dockerignore", Level.WARNING,
        "The whole build context is copied and no .dockerignore limits it",
        "COPY . copies everything in the context: .git, data, build outputs. Add a"
            + " .dockerignore beside the context or copy only what the image needs.");
  }

  @Override
  public List<Issue> check(LintContext context) {
    List<Issue> issues = new ArrayList<>();
    if (context.dockerignorePresent()) {
      return issues;
    }
    for (BuildModel.Step step : context.model().shippedSteps()) {
      Instruction in = step.instruction();
      if (!(in.keyword().equals("COPY") || in.keyword().equals("ADD"))
          || in.flag("from").isPresent()) {
        continue;
      }
      List<String> words = in.execForm().orElseGet(() -> List.of(in.arguments().split("\\s+")));
      for (String source : words.subList(0, Math.max(0, words.size() - 1))) {
        if (source.equals(".") || source.equals("./") || source.equals("*")
            || source.equals("./*")) {
          issues.add(new Issue("SG112", in, source,
              in.keyword() + " " + source + " copies the whole build context and there is no"
                  + " .dockerignore",
              "add a .dockerignore beside the build context (exclude .git, data, outputs) or"
                  + " copy only the files the image needs",
              List.of(), List.of()));
          break;
        }
      }
    }
    return issues;
  }
}
