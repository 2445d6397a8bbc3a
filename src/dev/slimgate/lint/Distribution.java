package dev.slimgate.lint;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A whole distribution downloaded or installed in one go, with the parts the image does not need.
 *
 * @param name shown in messages, e.g. FreeSurfer
 * @param match regular expression searched in the download URL, archive or installer name
 * @param unneeded sub-paths relative to the directory the distribution is unpacked or installed
 *     into (tar -C, unzip -d, an installer's -d, else the working directory)
 */
public record Distribution(String name, Pattern match, List<String> unneeded) {}
