package dev.aurum.init;

import dev.aurum.init.CsvProfile.Column;
import dev.aurum.init.CsvProfile.ColumnType;
import dev.aurum.init.CsvProfile.ColumnType.Kind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The describing step of {@code init --describe} on profiles made by hand, with a hand-written model. */
class ModelDescriberTest
{
    private static final CsvProfile LOANS = new CsvProfile("loans",
            List.of(new CsvProfile.Drop(Path.of("/home/someone/drops/loans_2024-01-01.csv"), LocalDate.of(2024, 1, 1))),
            List.of(new Column("loan_id", List.of("Loan ID"), new ColumnType(Kind.STRING, "string", ""), true, 0, 3, List.of("L1", "L2", "L3")),
                    new Column("branch", List.of(), new ColumnType(Kind.STRING, "string", ""), true, 0, 2, List.of("north", "south"))),
            List.of("loan_id"), 3);

    private final List<String> warnings = new ArrayList<>();
    private final List<String> prompts = new ArrayList<>();

    @Test
    void thePromptHoldsTableNamesColumnNamesAndSamplesOnly()
    {
        describer(prompt -> "{\"tables\": {}}").describe(List.of(LOANS));

        assertThat(prompts).containsExactly("TABLES\n- loans\n  - loan_id: L1 | L2 | L3\n  - branch: north | south");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aGoodReplyFillsTablesAndColumnsBoundedAndOnOneLine()
    {
        ModelDescriber.Descriptions written = describer(prompt -> "Here you go:\n```json\n{\"tables\": {\"loans\": {\"description\": \"Book\\nloans.\", "
                + "\"synonyms\": [\"Borrowings\", \"borrowings\", \"\", 7], \"columns\": {\"branch\": {\"synonyms\": [\"library\"]}}}}}\n```")
                .describe(List.of(LOANS));

        assertThat(written.table("loans")).hasValueSatisfying(table -> {
            assertThat(table.description()).isEqualTo("Book loans.");
            assertThat(table.synonyms()).containsExactly("borrowings");
        });
        assertThat(written.column("loans", "branch")).hasValueSatisfying(column -> {
            assertThat(column.description()).isEmpty();
            assertThat(column.synonyms()).containsExactly("library");
        });
        assertThat(written.column("loans", "loan_id")).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void anUnknownTableOrColumnOrAFailedCallLeavesTheDraftsWithAWarning()
    {
        assertThat(describer(prompt -> "{\"tables\": {\"members\": {\"description\": \"People.\"}}}").describe(List.of(LOANS)).isEmpty()).isTrue();
        assertThat(describer(prompt -> "{\"tables\": {\"loans\": {\"columns\": {\"due\": {\"description\": \"Due.\"}}}}}").describe(List.of(LOANS)).isEmpty()).isTrue();
        assertThat(describer(prompt -> "{\"tables\": [1, 2]}").describe(List.of(LOANS)).isEmpty()).isTrue();
        assertThat(describer(prompt -> {
            throw new IllegalStateException("connection refused");
        }).describe(List.of(LOANS)).isEmpty()).isTrue();

        assertThat(warnings).hasSize(4);
        assertThat(warnings.get(0)).contains("members", "ignored");
        assertThat(warnings.get(1)).contains("loans.due", "ignored");
        assertThat(warnings.get(2)).contains("not the JSON object asked for");
        assertThat(warnings.get(3)).contains("could not be asked", "connection refused");
    }

    private ModelDescriber describer(java.util.function.Function<String, String> model)
    {
        return new ModelDescriber(prompt -> {
            prompts.add(prompt);
            return model.apply(prompt);
        }, values -> {
            assertThat(values.keySet()).containsExactly("tables");
            return "TABLES\n" + values.get("tables");
        }, warnings::add);
    }
}
