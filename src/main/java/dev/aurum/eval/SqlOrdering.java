package dev.aurum.eval;

import java.util.Locale;

/**
 * Whether a query orders its result: an {@code ORDER BY} outside every parenthesis (so not one inside a subquery, a
 * CTE or a window), found after removing comments, string literals and quoted identifiers.
 */
public final class SqlOrdering
{
    private SqlOrdering() {}

    public static boolean hasTopLevelOrderBy(String sql)
    {
        String words = topLevelText(sql).toLowerCase(Locale.ROOT);
        return words.matches("(?s).*\\border\\s+by\\b.*");
    }

    /** The text at parenthesis depth 0, with comments, literals and quoted identifiers blanked out. */
    static String topLevelText(String sql)
    {
        StringBuilder out = new StringBuilder(sql.length());
        int depth = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                out.append(' ');
                continue;
            }
            if (c == '/' && next == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                out.append(' ');
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(sql, i, c);
                out.append(' ');
                continue;
            }
            if (c == '(') {
                depth++;
                out.append(' ');
            }
            else if (c == ')') {
                depth = Math.max(0, depth - 1);
                out.append(' ');
            }
            else {
                out.append(depth == 0 ? c : ' ');
            }
            i++;
        }
        return out.toString();
    }

    private static int skipQuoted(String sql, int start, char quote)
    {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
