package dev.slimgate.lint;

/**
 * What a rule checks.
 *
 * @param id stable identifier such as SG101
 * @param name short kebab-case name
 * @param defaultLevel severity unless the settings override it
 * @param summary one sentence for rule lists
 * @param help why it matters and how to fix it
 */
public record RuleInfo(String id, String name, Level defaultLevel, String summary, String help) {}
