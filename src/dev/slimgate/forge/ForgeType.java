package dev.slimgate.forge;

import dev.slimgate.core.UsageException;
import java.util.Locale;

/** Which forge receives the merge request; {@code NONE} only pushes the branch. */
public enum ForgeType {
  GITLAB("GitLab"),
  GITHUB("GitHub"),
  NONE("none");

  private final String displayName;

  ForgeType(String displayName) {
    this.displayName = displayName;
  }

  /** The name people know the forge by, for messages. */
  public String displayName() {
    return displayName;
  }

  /** Reads {@code gitlab}, {@code github} or {@code none}, in any case. */
  public static ForgeType parse(String text) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (ForgeType type : values()) {
      if (type.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return type;
      }
    }
    throw new UsageException("forge type '" + text + "' is not known: use gitlab, github or none"
        + " (--forge or forge.type in the plan)");
  }
}
