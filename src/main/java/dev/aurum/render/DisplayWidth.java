package dev.aurum.render;

/**
 * How many terminal cells a string takes: East Asian wide and full-width characters and emoji take two, combining
 * marks, zero-width joiners and variation selectors take none, everything else one. Code points joined by a
 * zero-width joiner (family emoji, ...) and regional-indicator pairs (flags) count as one glyph.
 */
public final class DisplayWidth
{
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final String ELLIPSIS = "…";

    private DisplayWidth() {}

    public static int of(String text)
    {
        int width = 0;
        boolean joined = false;
        boolean pendingRegionalIndicator = false;
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            index += Character.charCount(codePoint);
            if (codePoint == ZERO_WIDTH_JOINER) {
                joined = true;
                continue;
            }
            int cells = ofCodePoint(codePoint);
            if (joined) {
                // the glyph after a joiner merges into the one before it
                cells = 0;
                joined = false;
            }
            if (isRegionalIndicator(codePoint)) {
                if (pendingRegionalIndicator) {
                    cells = 0;
                    pendingRegionalIndicator = false;
                }
                else {
                    pendingRegionalIndicator = true;
                }
            }
            else {
                pendingRegionalIndicator = false;
            }
            width += cells;
        }
        return width;
    }

    /** The width of one code point on its own: 0, 1 or 2. */
    public static int ofCodePoint(int codePoint)
    {
        if (codePoint == 0) {
            return 0;
        }
        if (codePoint < 0x20 || (codePoint >= 0x7F && codePoint < 0xA0)) {
            return 0;
        }
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        if ((codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF)) {
            return 0; // variation selectors
        }
        if (codePoint >= 0x1160 && codePoint <= 0x11FF) {
            return 0; // Hangul medial vowels and final consonants combine with the syllable before
        }
        return isWide(codePoint) ? 2 : 1;
    }

    /**
     * Cuts {@code text} to at most {@code maxWidth} cells, ending with an ellipsis when anything was cut.
     */
    public static String truncate(String text, int maxWidth)
    {
        if (of(text) <= maxWidth) {
            return text;
        }
        if (maxWidth <= 0) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        int width = 0;
        int budget = maxWidth - 1; // room for the ellipsis
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            int end = index + Character.charCount(codePoint);
            // keep combining marks and joined glyphs with their base
            while (end < text.length() && continuesGlyph(text, end)) {
                int next = text.codePointAt(end);
                end += Character.charCount(next);
                if (next == ZERO_WIDTH_JOINER && end < text.length()) {
                    end += Character.charCount(text.codePointAt(end));
                }
            }
            String glyph = text.substring(index, end);
            int cells = of(glyph);
            if (width + cells > budget) {
                break;
            }
            kept.append(glyph);
            width += cells;
            index = end;
        }
        return kept + ELLIPSIS;
    }

    /** {@code text} followed by spaces up to {@code width} cells. */
    public static String padRight(String text, int width)
    {
        return text + " ".repeat(Math.max(0, width - of(text)));
    }

    /** Spaces up to {@code width} cells, then {@code text}. */
    public static String padLeft(String text, int width)
    {
        return " ".repeat(Math.max(0, width - of(text))) + text;
    }

    private static boolean continuesGlyph(String text, int index)
    {
        int codePoint = text.codePointAt(index);
        return codePoint == ZERO_WIDTH_JOINER || ofCodePoint(codePoint) == 0;
    }

    private static boolean isRegionalIndicator(int codePoint)
    {
        return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
    }

    private static boolean isWide(int codePoint)
    {
        return (codePoint >= 0x1100 && codePoint <= 0x115F) // Hangul Jamo initial consonants
                || codePoint == 0x2329 || codePoint == 0x232A
                || (codePoint >= 0x231A && codePoint <= 0x231B) // watch, hourglass
                || (codePoint >= 0x23E9 && codePoint <= 0x23EC)
                || codePoint == 0x23F0 || codePoint == 0x23F3
                || (codePoint >= 0x25FD && codePoint <= 0x25FE)
                || (codePoint >= 0x2614 && codePoint <= 0x2615)
                || (codePoint >= 0x2648 && codePoint <= 0x2653)
                || codePoint == 0x267F || codePoint == 0x2693 || codePoint == 0x26A1
                || (codePoint >= 0x26AA && codePoint <= 0x26AB)
                || (codePoint >= 0x26BD && codePoint <= 0x26BE)
                || (codePoint >= 0x26C4 && codePoint <= 0x26C5)
                || codePoint == 0x26CE || codePoint == 0x26D4 || codePoint == 0x26EA
                || (codePoint >= 0x26F2 && codePoint <= 0x26F3)
                || codePoint == 0x26F5 || codePoint == 0x26FA || codePoint == 0x26FD
                || codePoint == 0x2705 || (codePoint >= 0x270A && codePoint <= 0x270B)
                || codePoint == 0x2728 || codePoint == 0x274C || codePoint == 0x274E
                || (codePoint >= 0x2753 && codePoint <= 0x2755) || codePoint == 0x2757
                || (codePoint >= 0x2795 && codePoint <= 0x2797)
                || codePoint == 0x27B0 || codePoint == 0x27BF
                || (codePoint >= 0x2B1B && codePoint <= 0x2B1C)
                || codePoint == 0x2B50 || codePoint == 0x2B55
                || (codePoint >= 0x2E80 && codePoint <= 0x303E) // CJK radicals, punctuation
                || (codePoint >= 0x3041 && codePoint <= 0x33FF) // kana, CJK compatibility
                || (codePoint >= 0x3400 && codePoint <= 0x4DBF) // CJK extension A
                || (codePoint >= 0x4E00 && codePoint <= 0x9FFF) // CJK unified ideographs
                || (codePoint >= 0xA000 && codePoint <= 0xA4CF) // Yi
                || (codePoint >= 0xA960 && codePoint <= 0xA97F) // Hangul Jamo extended A
                || (codePoint >= 0xAC00 && codePoint <= 0xD7A3) // Hangul syllables
                || (codePoint >= 0xF900 && codePoint <= 0xFAFF) // CJK compatibility ideographs
                || (codePoint >= 0xFE10 && codePoint <= 0xFE19) // vertical forms
                || (codePoint >= 0xFE30 && codePoint <= 0xFE6F) // CJK compatibility forms
                || (codePoint >= 0xFF00 && codePoint <= 0xFF60) // full-width forms
                || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6)
                || (codePoint >= 0x16FE0 && codePoint <= 0x18AFF) // Tangut
                || (codePoint >= 0x1B000 && codePoint <= 0x1B2FF) // kana supplement
                || codePoint == 0x1F004 || codePoint == 0x1F0CF || codePoint == 0x1F18E
                || (codePoint >= 0x1F191 && codePoint <= 0x1F19A)
                || (codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF) // regional indicators
                || (codePoint >= 0x1F200 && codePoint <= 0x1F251)
                || (codePoint >= 0x1F300 && codePoint <= 0x1F64F) // pictographs, emoticons
                || (codePoint >= 0x1F680 && codePoint <= 0x1F6FF) // transport and map
                || (codePoint >= 0x1F7E0 && codePoint <= 0x1F7EB)
                || (codePoint >= 0x1F900 && codePoint <= 0x1F9FF) // supplemental symbols
                || (codePoint >= 0x1FA70 && codePoint <= 0x1FAFF)
                || (codePoint >= 0x20000 && codePoint <= 0x3FFFD); // CJK extensions B and beyond
    }
}
