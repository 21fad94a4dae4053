package dev.aurum.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlOrderingTest
{
    @Test
    void findsTopLevelOrderBy()
    {
        assertThat(SqlOrdering.hasTopLevelOrderBy("SELECT a FROM t ORDER BY a DESC LIMIT 5")).isTrue();
        assertThat(SqlOrdering.hasTopLevelOrderBy("WITH x AS (SELECT a FROM t) SELECT a FROM x\norder\n  by a")).isTrue();
        assertThat(SqlOrdering.hasTopLevelOrderBy("SELECT a FROM t UNION ALL SELECT b FROM u ORDER BY 1")).isTrue();
    }

    @Test
    void ignoresOrderByInsideParenthesesCommentsAndLiterals()
    {
        assertThat(SqlOrdering.hasTopLevelOrderBy("SELECT a, LAG(a) OVER (ORDER BY m) FROM t")).isFalse();
        assertThat(SqlOrdering.hasTopLevelOrderBy("WITH x AS (SELECT a FROM t ORDER BY a LIMIT 3) SELECT a FROM x")).isFalse();
        assertThat(SqlOrdering.hasTopLevelOrderBy("SELECT a FROM t -- ORDER BY a")).isFalse();
        assertThat(SqlOrdering.hasTopLevelOrderBy("SELECT a FROM t /* ORDER BY a */")).isFalse();
        assertThat(SqlOrdering.hasTopLevelOrderBy("SELECT 'order by' AS `order by` FROM t WHERE b = 'it''s ORDER BY'")).isFalse();
        assertThat(SqlOrdering.hasTopLevelOrderBy("SELECT a FROM t WHERE c IN (SELECT c FROM u ORDER BY c)")).isFalse();
    }

    @Test
    void wordsThatOnlyContainOrderAreNotOrderBy()
    {
        assertThat(SqlOrdering.hasTopLevelOrderBy("SELECT border_by FROM t")).isFalse();
        assertThat(SqlOrdering.hasTopLevelOrderBy("SELECT orders FROM t GROUP BY orders")).isFalse();
    }
}
