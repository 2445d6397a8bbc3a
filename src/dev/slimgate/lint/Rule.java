package dev.slimgate.lint;

import java.util.List;

/** One check of the size advisor. */
interface Rule {

  RuleInfo info();

  List<Issue> check(LintContext context);
}
