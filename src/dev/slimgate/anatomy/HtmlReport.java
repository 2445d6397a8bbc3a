package dev.slimgate.anatomy;

import static dev.slimgate.anatomy.Sizes.human;

import dev.slimgate.anatomy.Anatomy.DirSize;
import dev.slimgate.anatomy.Anatomy.Duplicate;
import dev.slimgate.anatomy.Anatomy.LayerStats;
import java.util.Locale;

/** Renders an {@link Anatomy} as one self-contained HTML page for a build's artefacts. */
public final class HtmlReport {

  public String render(Anatomy a) {
    StringBuilder s = new StringBuilder();
    s.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Anatomy of ")
        .append(esc(a.image())).append("</title>\n<style>body{font-family:sans-serif}"
            + "td,th{padding:2px 8px;text-align:left}td.n{text-align:right}</style>"
            + "</head><body>\n");
    s.append("<h1>").append(esc(a.image())).append("</h1>\n<p>");
    s.append(String.format(Locale.ROOT, "Final %s in %d files, stored %s, wasted %s,"
        + " efficiency %.2f%%", human(a.finalBytes()), a.finalFiles(), human(a.storedBytes()),
        human(a.wastedBytes()), a.efficiency() * 100)).append("</p>\n");
    s.append("<h2>Layers</h2>\n<table><tr><th>#</th><th>added</th><th>replacing</th>"
        + "<th>hidden</th><th>deleted</th><th>chmod copies</th><th>created by</th></tr>\n");
    for (LayerStats l : a.layers()) {
      s.append("<tr><td>").append(l.index()).append("</td>").append(num(l.addedBytes()))
          .append(num(l.replacingBytes())).append(num(l.hiddenBytes()))
          .append(num(l.deletedBytes())).append(num(l.metadataOnlyBytes())).append("<td>")
          .append(esc(l.createdBy())).append("</td></tr>\n");
    }
    s.append("</table>\n<h2>Directories</h2>\n<table>\n");
    for (DirSize d : a.tree()) {
      s.append("<tr>").append(num(d.bytes())).append("<td style=\"padding-left:")
          .append(d.depth() * 16 + 8).append("px\">").append(esc(d.path())).append("</td></tr>\n");
    }
    s.append("</table>\n<h2>Duplicate trees</h2>\n<ul>\n");
    for (Duplicate d : a.duplicateTrees()) {
      s.append("<li>").append(human(d.bytes())).append(" each: ")
          .append(esc(String.join(", ", d.paths()))).append("</li>\n");
    }
    s.append("</ul>\n<h2>Duplicate files</h2>\n<ul>\n");
    for (Duplicate d : a.duplicateFiles()) {
      s.append("<li>").append(human(d.bytes())).append(" each: ")
          .append(esc(String.join(", ", d.paths()))).append("</li>\n");
    }
    s.append("</ul>\n</body></html>\n");
    return s.toString();
  }

  private static String num(long bytes) {
    return "<td class=\"n\">" + human(bytes) + "</td>";
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
