package dev.slimgate.lint;

/** What every rule sees. */
record LintContext(Dockerfile dockerfile, BuildModel model, LintSettings settings,
    boolean dockerignorePresent) {}
