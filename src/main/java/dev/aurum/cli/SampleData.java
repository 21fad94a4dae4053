package dev.aurum.cli;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.pipeline.generator.GenerationReport;
import dev.aurum.pipeline.generator.GeneratorSettings;
import dev.aurum.pipeline.generator.SampleDataGenerator;

import java.io.PrintWriter;

/** The default sample data of the first run: scale 1, 730 days from 2017-01-01, with a progress line per month. */
final class SampleData
{
    private SampleData() {}

    static GenerationReport generateDefault(LakehouseLayout layout, PrintWriter out)
    {
        GenerationReport report = new SampleDataGenerator(layout).generate(GeneratorSettings.defaults(), (day, index, total) -> {
            if (day.getDayOfMonth() == 1 || index == total - 1) {
                out.println("  landed " + day + " (" + (index + 1) + " of " + total + " days)");
                out.flush();
            }
        });
        out.println("  " + report.totalRows() + " rows over " + report.days() + " days");
        return report;
    }
}
