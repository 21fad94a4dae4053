package dev.aurum.render;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.util.Map;

/**
 * What stdout is: a terminal (styles on, tables fit its width) or a file/pipe (plain text, no width limit).
 *
 * @param ansi styles allowed: stdout is a terminal and {@code NO_COLOR} is not set
 * @param width the terminal's columns; 0 when stdout is not a terminal (no limit)
 */
public record TerminalInfo(boolean ansi, int width)
{
    static final int FALLBACK_WIDTH = 120;

    /** A file or a pipe. */
    public static TerminalInfo notATerminal()
    {
        return new TerminalInfo(false, 0);
    }

    /** Looks at this process: {@code System.console()}, {@code COLUMNS}, {@code NO_COLOR}, then asks the terminal. */
    public static TerminalInfo detect()
    {
        return detect(System.console() != null, System.getenv());
    }

    static TerminalInfo detect(boolean console, Map<String, String> environment)
    {
        if (!console) {
            return notATerminal();
        }
        boolean ansi = !environment.containsKey("NO_COLOR") && !"dumb".equals(environment.get("TERM"));
        String columns = environment.get("COLUMNS");
        if (columns != null && columns.strip().matches("\\d+") && Integer.parseInt(columns.strip()) > 0) {
            return new TerminalInfo(ansi, Integer.parseInt(columns.strip()));
        }
        return new TerminalInfo(ansi, askTerminal());
    }

    private static int askTerminal()
    {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            int width = terminal.getWidth();
            return width > 0 ? width : FALLBACK_WIDTH;
        }
        catch (Exception | LinkageError e) {
            return FALLBACK_WIDTH;
        }
    }
}
