package dev.aurum.pipeline.generator;

import dev.aurum.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aurum data generate}: exit codes, appending on an existing lakehouse, the closing summary. */
class DataGenerateCommandTest
{
    @TempDir
    Path lakehouse;

    @Test
    void badArgumentsExitTwoWithAClearMessage()
    {
        assertBadUsage("--scale must be a number above 0", "--scale", "-1");
        assertBadUsage("--defect-rate must be between 0 and 0.5", "--defect-rate", "0.6");
        assertBadUsage("--defect-rate must be between 0 and 0.5", "--defect-rate", "-0.1");
        assertBadUsage("--start must be a date as yyyy-MM-dd", "--start", "2017-02-30");
        assertBadUsage("--start must be a date as yyyy-MM-dd", "--start", "yesterday");
        assertBadUsage("--days must be at least 1", "--days", "0");
        assertBadUsage("--scale", "--scale", "abc");
        assertBadUsage("--no-such-flag", "--no-such-flag");
        assertThat(Files.exists(lakehouse.resolve("landing"))).isFalse();
    }

    @Test
    void generatesThenAppendsTheNextDays()
    {
        StringWriter out = new StringWriter();
        assertThat(execute(out, new StringWriter(), "--scale", "0.01", "--days", "3")).isZero();
        assertThat(out.toString()).contains("Wrote 3 day(s), 2017-01-01 to 2017-01-03: 15 files", "orders", "payments", "duplicate", "malformed_row");
        assertThat(lakehouse.resolve("landing/orders/2017-01-03/orders.csv")).exists();

        StringWriter appended = new StringWriter();
        assertThat(execute(appended, new StringWriter(), "--days", "2")).isZero();
        assertThat(appended.toString()).contains("Appending 2 day(s) after 2017-01-03", "Wrote 2 day(s), 2017-01-04 to 2017-01-05");
        assertThat(lakehouse.resolve("landing/customers/2017-01-05/customers.csv")).exists();

        StringWriter again = new StringWriter();
        assertThat(execute(again, new StringWriter())).isZero();
        assertThat(again.toString()).contains("already holds sample data from 2017-01-01 to 2017-01-05; nothing to do");
        assertThat(lakehouse.resolve("landing/orders/2017-01-06")).doesNotExist();
    }

    @Test
    void otherSettingsOnAnExistingLakehouseExitTwo()
    {
        assertThat(execute(new StringWriter(), new StringWriter(), "--scale", "0.01", "--days", "1")).isZero();
        assertBadUsage("already holds sample data generated with --scale 0.01", "--scale", "0.02", "--days", "1");
        assertBadUsage("--seed 42", "--seed", "7", "--days", "1");
        assertBadUsage("would leave a gap", "--start", "2017-03-01", "--days", "1");
        // the recorded settings repeated explicitly are fine
        assertThat(execute(new StringWriter(), new StringWriter(), "--scale", "0.01", "--seed", "42", "--days", "1")).isZero();
        assertThat(lakehouse.resolve("landing/orders/2017-01-02/orders.csv")).exists();
    }

    @Test
    void progressLinesGoToStandardErrorWhenNotOnATerminal()
    {
        StringWriter err = new StringWriter();
        assertThat(execute(new StringWriter(), err, "--scale", "0.01", "--days", "20")).isZero();
        assertThat(err.toString().lines().filter(line -> line.contains("day ")).count()).isBetween(10L, 11L);
        assertThat(err.toString()).contains("day 20/20  2017-01-20");
    }

    private void assertBadUsage(String messagePart, String... arguments)
    {
        StringWriter err = new StringWriter();
        assertThat(execute(new StringWriter(), err, arguments)).as(String.join(" ", arguments)).isEqualTo(2);
        assertThat(err.toString()).contains(messagePart);
    }

    private int execute(StringWriter out, StringWriter err, String... arguments)
    {
        CommandLine commandLine = Main.commandLine(false);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[arguments.length + 4];
        all[0] = "data";
        all[1] = "generate";
        all[2] = "--lakehouse";
        all[3] = lakehouse.toString();
        System.arraycopy(arguments, 0, all, 4, arguments.length);
        return commandLine.execute(all);
    }
}
