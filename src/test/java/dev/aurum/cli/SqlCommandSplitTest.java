package dev.aurum.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlCommandSplitTest
{
    @Test
    void splitsAtSemicolonsAndKeepsLineNumbers()
    {
        List<SqlCommand.Statement> statements = SqlCommand.split("""
                SELECT 1;
                SELECT 2
                  FROM gold.daily_sales;

                -- a comment before the third
                SELECT 3""");
        assertThat(statements).containsExactly(
                new SqlCommand.Statement("SELECT 1", 1),
                new SqlCommand.Statement("SELECT 2\n  FROM gold.daily_sales", 2),
                new SqlCommand.Statement("SELECT 3", 6));
    }

    @Test
    void semicolonsInStringsIdentifiersAndCommentsDoNotSplit()
    {
        List<SqlCommand.Statement> statements = SqlCommand.split(String.join("\n",
                "SELECT 'a;b', \"c;d\", `e;f` FROM t;",
                "SELECT 'it''s; fine', 'back\\'slash;' FROM t; -- trailing; comment",
                "SELECT /* block; /* nested; */ still; */ 1;",
                "SELECT `tick``;tick` FROM t"));
        assertThat(statements).extracting(SqlCommand.Statement::text).containsExactly(
                "SELECT 'a;b', \"c;d\", `e;f` FROM t",
                "SELECT 'it''s; fine', 'back\\'slash;' FROM t",
                "SELECT /* block; /* nested; */ still; */ 1",
                "SELECT `tick``;tick` FROM t");
        assertThat(statements).extracting(SqlCommand.Statement::line).containsExactly(1, 2, 3, 4);
    }

    @Test
    void emptyAndCommentOnlyStatementsAreDropped()
    {
        assertThat(SqlCommand.split(" ;; \n -- only a comment;\n /* and; this */ ;")).isEmpty();
        assertThat(SqlCommand.split("")).isEmpty();
        assertThat(SqlCommand.split("SELECT 1;;;SELECT 2;")).extracting(SqlCommand.Statement::text).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void anUnclosedStringRunsToTheEnd()
    {
        assertThat(SqlCommand.split("SELECT 'open; SELECT 2")).extracting(SqlCommand.Statement::text).containsExactly("SELECT 'open; SELECT 2");
    }

    @Test
    void chartFilesAreNumberedPerStatement()
    {
        assertThat(SqlCommand.numbered(java.nio.file.Path.of("out/report.png"), 2)).isEqualTo(java.nio.file.Path.of("out/report-2.png"));
        assertThat(SqlCommand.numbered(java.nio.file.Path.of("chart"), 1)).isEqualTo(java.nio.file.Path.of("chart-1"));
    }
}
