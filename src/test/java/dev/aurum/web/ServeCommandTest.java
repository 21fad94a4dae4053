package dev.aurum.web;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.cli.Main;
import dev.aurum.cli.ServeCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServeCommandTest
{
    @Test
    void aNonLoopbackHostWithoutATokenIsRefusedBeforeAnythingStarts()
    {
        AtomicBoolean started = new AtomicBoolean();
        CommandLine.IFactory factory = new CommandLine.IFactory()
        {
            @Override
            public <K> K create(Class<K> type)
                    throws Exception
            {
                if (type == ServeCommand.class) {
                    return type.cast(new ServeCommand((context, settings) -> {
                        started.set(true);
                        throw new AssertionError("the assistant must not start");
                    }, (context, out) -> started.set(true), name -> null));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = Main.commandLine(false, factory);
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));

        int exitCode = commandLine.execute("serve", "--host", "0.0.0.0", "--port", "0");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Refusing to serve on 0.0.0.0 without a token").contains("AURUM_WEB_TOKEN");
        assertThat(started).isFalse();
    }

    @Test
    void loopbackNeedsNoTokenAndAShortTokenIsRefused()
    {
        assertThat(WebSettings.of("127.0.0.1", 0, Optional.empty()).token()).isEmpty();
        assertThat(WebSettings.of("localhost", 0, Optional.of("")).token()).isEmpty();
        assertThat(WebSettings.isLoopback("::1")).isTrue();
        assertThatThrownBy(() -> WebSettings.of("0.0.0.0", 0, Optional.of("short"))).isInstanceOfSatisfying(AurumException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT));
        assertThatThrownBy(() -> WebSettings.of("127.0.0.1", 70000, Optional.empty())).hasMessageContaining("--port");
    }
}
