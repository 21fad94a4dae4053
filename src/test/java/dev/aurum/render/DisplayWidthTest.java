package dev.aurum.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayWidthTest
{
    @Test
    void countsTerminalCells()
    {
        assertThat(DisplayWidth.of("abc")).isEqualTo(3);
        assertThat(DisplayWidth.of("são paulo")).isEqualTo(9);
        assertThat(DisplayWidth.of("sa\u0303o")).isEqualTo(3); // combining tilde takes no cell
        assertThat(DisplayWidth.of("東京都")).isEqualTo(6);
        assertThat(DisplayWidth.of("한국")).isEqualTo(4);
        assertThat(DisplayWidth.of("ＡＢ")).isEqualTo(4); // full-width Latin
        assertThat(DisplayWidth.of("🍕")).isEqualTo(2);
        assertThat(DisplayWidth.of("👨‍👩‍👧")).isEqualTo(2); // one glyph joined by ZWJ
        assertThat(DisplayWidth.of("🇧🇷")).isEqualTo(2); // a flag: two regional indicators
        assertThat(DisplayWidth.of("❤️")).isEqualTo(1); // variation selector adds nothing
        assertThat(DisplayWidth.of("")).isZero();
    }

    @Test
    void truncatesByCellsWithAnEllipsis()
    {
        assertThat(DisplayWidth.truncate("abcdef", 6)).isEqualTo("abcdef");
        assertThat(DisplayWidth.truncate("abcdef", 4)).isEqualTo("abc…");
        assertThat(DisplayWidth.truncate("東京都庁", 5)).isEqualTo("東京…");
        assertThat(DisplayWidth.of(DisplayWidth.truncate("東京都庁", 4))).isLessThanOrEqualTo(4);
        assertThat(DisplayWidth.truncate("sa\u0303o paulo", 4)).isEqualTo("sa\u0303o…");
        assertThat(DisplayWidth.truncate("👨‍👩‍👧👨‍👩‍👧", 3)).isEqualTo("👨‍👩‍👧…");
        assertThat(DisplayWidth.truncate("abc", 0)).isEmpty();
    }

    @Test
    void padsByCells()
    {
        assertThat(DisplayWidth.padRight("東", 4)).isEqualTo("東  ");
        assertThat(DisplayWidth.padLeft("7", 3)).isEqualTo("  7");
    }
}
