package dev.aurum.cli;

import dev.aurum.render.AnswerJson;
import dev.aurum.render.AnswerRenderer;
import dev.aurum.render.RenderSettings;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;

import java.util.LinkedHashMap;
import java.util.Map;

/** The answer renderer of ask, batch and chat: metric formats from the semantic model, ANSI only on a terminal. */
final class AnswerOutput
{
    private AnswerOutput() {}

    static RenderSettings settings(SemanticModel model, boolean ansi, int terminalWidth)
    {
        Map<String, String> formats = new LinkedHashMap<>();
        for (SemanticTable table : model.tables()) {
            for (Metric metric : table.metrics()) {
                formats.putIfAbsent(metric.name(), metric.format());
            }
        }
        return RenderSettings.defaults().withAnsi(ansi).withTerminalWidth(terminalWidth).withColumnFormats(formats)
                .withCurrencySymbol(model.currencySymbol());
    }

    static AnswerRenderer renderer(RenderSettings settings)
    {
        return new AnswerRenderer(settings, new AnswerJson());
    }

    /** True when stdout is an interactive terminal (colours and width then apply). */
    static boolean interactive()
    {
        return System.console() != null;
    }
}
