package dev.grid.server.cli;

import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * A command's description in its help, wrapped at spaces only. Picocli's own wrapping breaks lines wherever
 * {@link java.text.BreakIterator} may, after a dot or a slash too, which splits the names this help is full of
 * ({@code grid.\nmonitor.enabled}, {@code docs/\nconfig.md}). A line that starts with spaces keeps them, and so do
 * the lines it wraps into.
 */
final class DescriptionRenderer implements IHelpSectionRenderer {
    private final int width;

    DescriptionRenderer(int width) {
        this.width = width;
    }

    @Override
    public String render(Help help) {
        StringBuilder text = new StringBuilder();
        for (String paragraph : help.commandSpec().usageMessage().description()) {
            for (String line : paragraph.replace("%n", "\n").replace("%%", "%").split("\n", -1)) {
                wrap(line, text);
            }
        }
        return text.toString();
    }

    private void wrap(String line, StringBuilder text) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        String margin = line.substring(0, indent);
        StringBuilder current = new StringBuilder(margin);
        for (String word : line.substring(indent).split(" ")) {
            if (current.length() > indent && current.length() + 1 + word.length() > width) {
                text.append(current).append('\n');
                current = new StringBuilder(margin);
            }
            if (current.length() > indent) {
                current.append(' ');
            }
            current.append(word);
        }
        text.append(current).append('\n');
    }
}
