package dev.aurum.init;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.init.CsvProfile.Column;
import dev.aurum.init.CsvProfile.ColumnType.Kind;
import dev.aurum.semantic.Language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Drafts a project from profiled CSV drops ({@code aurum init}): {@code pipelines/<name>.yaml} with one source per
 * entity (headers in their own spelling mapped to snake_case columns, a key when one was unique, else append-only),
 * Silver SQL that types each column, one Gold table per entity (with year, quarter and month of its main date),
 * {@code semantic-model/<name>.yaml} with dimensions, time dimensions, basic metrics and sample values, and a small
 * {@code evals/<name>.yaml}. Every description it guesses starts with {@link #REVIEW} so a person checks it. The
 * drops are copied into the project's lakehouse landing zone, so {@code pipeline run --project DIR} loads them.
 */
public final class ProjectDrafter
{
    /** The mark on every guessed description. */
    public static final String REVIEW = "[review] ";
    /** The comment above every description or synonym list the language model wrote ({@code init --describe}). */
    public static final String WRITTEN_BY_MODEL = "# review: written by the language model";
    private static final Language.InitWords WORDS = Language.english().init();
    /** A part of a snake_case column name that says money (en.yaml, init.money_column_words). */
    private static final Pattern MONEY_WORDS = Pattern.compile("(^|_)(" + String.join("|", WORDS.moneyColumnWords().stream().map(Pattern::quote).toList()) + ")($|_)");
    private static final int ENUM_LIMIT = 30;

    /**
     * @param name the project's name (file names, the model's name)
     * @param currency ISO 4217 code of the amounts, when the user gave one: money metrics then print it
     * @param descriptions what a language model wrote for tables and columns ({@code --describe}), else none
     */
    public record Settings(String name, Optional<String> currency, ModelDescriber.Descriptions descriptions)
    {
        public Settings
        {
            requireNonNull(name, "name is null");
            requireNonNull(currency, "currency is null");
            requireNonNull(descriptions, "descriptions is null");
        }

        public Settings(String name, Optional<String> currency)
        {
            this(name, currency, ModelDescriber.Descriptions.NONE);
        }
    }

    /** What was written, for the command's report. */
    public record Draft(Path project, List<CsvProfile> entities, List<String> files) {}

    public Draft write(List<CsvProfile> profiles, Path project, Settings settings)
    {
        List<String> written = new ArrayList<>();
        String name = settings.name();
        write(project, "pipelines/" + name + ".yaml", pipeline(profiles, name), written);
        for (CsvProfile profile : profiles) {
            write(project, "pipelines/silver/" + profile.entity() + ".sql", silverSql(profile), written);
            write(project, "pipelines/gold/" + profile.entity() + ".sql", goldSql(profile), written);
        }
        write(project, "semantic-model/" + name + ".yaml", model(profiles, settings), written);
        write(project, "evals/" + name + ".yaml", suite(profiles, name), written);
        for (CsvProfile profile : profiles) {
            for (CsvProfile.Drop drop : profile.files()) {
                Path target = project.resolve("lakehouse/landing").resolve(profile.entity()).resolve(drop.date().toString())
                        .resolve(profile.entity() + ".csv");
                copy(drop.path(), target, profile.entity());
            }
        }
        return new Draft(project, profiles, written);
    }

    // ---- pipeline ----------------------------------------------------------------------------------------------

    static String pipeline(List<CsvProfile> profiles, String name)
    {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Drafted by `aurum init` from CSV drops: review it, then run ./aurum pipeline run --project DIR.\n");
        yaml.append("# Each source: the columns every drop's header has (headers: the files' own spellings), its key (or\n");
        yaml.append("# append_only when no column set was unique in every file: every row is kept, exact duplicate lines are dropped\n");
        yaml.append("# and counted), the Silver SQL that types it, and the columns whose unparseable values become NULL.\n");
        yaml.append("name: ").append(name).append("\n\n");
        yaml.append("quality:\n  max_quarantine_ratio: 0.05\n\nsources:\n");
        for (CsvProfile profile : profiles) {
            List<Column> required = profile.columns().stream().filter(Column::inEveryFile).toList();
            yaml.append("  - entity: ").append(profile.entity()).append('\n');
            yaml.append("    columns: [").append(String.join(", ", required.stream().map(Column::name).toList())).append("]\n");
            List<String> headers = new ArrayList<>();
            for (Column column : profile.columns()) {
                for (String spelling : column.spellings()) {
                    if (!spelling.toLowerCase(Locale.ROOT).equals(column.name())) {
                        headers.add(quote(spelling) + ": " + column.name());
                    }
                }
            }
            if (!headers.isEmpty()) {
                yaml.append("    headers: {").append(String.join(", ", headers)).append("}\n");
            }
            if (profile.appendOnly()) {
                yaml.append("    append_only: true   # no column set was unique in every drop\n");
            }
            else {
                yaml.append("    key: [").append(String.join(", ", profile.key())).append("]   # unique in every drop\n");
            }
            yaml.append("    silver: silver/").append(profile.entity()).append(".sql\n");
            List<String> nullable = required.stream().filter(column -> column.type().kind() != Kind.STRING && !profile.key().contains(column.name()))
                    .map(Column::name).toList();
            if (!nullable.isEmpty()) {
                yaml.append("    nullable: [").append(String.join(", ", nullable)).append("]\n");
            }
            if (!profile.appendOnly()) {
                yaml.append("    rules:\n      - {name: missing_key, when: \"")
                        .append(String.join(" OR ", profile.key().stream().map(key -> key + " IS NULL").toList())).append("\"}\n");
            }
            yaml.append('\n');
        }
        yaml.append("gold:\n");
        for (CsvProfile profile : profiles) {
            yaml.append("  - {table: ").append(profile.entity()).append(", sql: gold/").append(profile.entity()).append(".sql}\n");
        }
        return yaml.toString();
    }

    static String silverSql(CsvProfile profile)
    {
        StringBuilder sql = new StringBuilder("-- Silver ").append(profile.entity())
                .append(" from one Bronze batch (view bronze_batch: every column text), drafted by aurum init: review the types.\nSELECT\n");
        for (Column column : profile.columns().stream().filter(Column::inEveryFile).toList()) {
            String text = "trim(`" + column.name() + "`)";
            String expression = switch (column.type().kind()) {
                case STRING -> "nullif(" + text + ", '')";
                case INTEGER -> "CAST(CASE WHEN " + text + " RLIKE '^-?[0-9]+$' THEN " + text + " END AS BIGINT)";
                case DECIMAL -> "CAST(CASE WHEN " + text + " RLIKE '^-?[0-9]*[.]?[0-9]+$' THEN " + text + " END AS "
                        + column.type().sparkType().toUpperCase(Locale.ROOT) + ")";
                case BOOLEAN -> "CASE lower(" + text + ") WHEN 'true' THEN true WHEN 'false' THEN false END";
                case DATE -> "to_date(nullif(" + text + ", ''), '" + column.type().format() + "')";
                case TIMESTAMP -> "to_timestamp(nullif(" + text + ", ''), '" + column.type().format() + "')";
            };
            sql.append("  ").append(expression).append(" AS `").append(column.name()).append("`,\n");
        }
        sql.append("  _bronze\nFROM bronze_batch\n");
        return sql.toString();
    }

    static String goldSql(CsvProfile profile)
    {
        StringBuilder sql = new StringBuilder("-- gold.").append(profile.entity()).append(": one row per ")
                .append(profile.appendOnly() ? "line of the drops" : String.join(", ", profile.key()))
                .append(", drafted by aurum init.\nSELECT\n");
        List<String> select = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Column column : profile.columns().stream().filter(Column::inEveryFile).toList()) {
            select.add("  `" + column.name() + "`");
            names.add(column.name());
        }
        profile.mainTime().filter(Column::inEveryFile).ifPresent(time -> {
            for (String part : List.of("year", "quarter", "month")) {
                if (names.add(part)) {
                    select.add("  " + part + "(`" + time.name() + "`) AS " + part);
                }
            }
        });
        sql.append(String.join(",\n", select)).append("\nFROM silver.").append(profile.entity()).append('\n');
        return sql.toString();
    }

    // ---- semantic model ----------------------------------------------------------------------------------------

    static String model(List<CsvProfile> profiles, Settings settings)
    {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Semantic model drafted by `aurum init` from CSV drops. Every description starting with ").append(quote(REVIEW.trim()))
                .append(" is a guess:\n# correct it, add synonyms in your users' words, then check it with ./aurum semantic lint --project DIR.\n");
        yaml.append("name: ").append(settings.name()).append('\n');
        yaml.append("description: ").append(quote(REVIEW + "Tables drafted from the CSV drops of " + String.join(", ", profiles.stream().map(CsvProfile::entity).toList()) + "."))
                .append('\n');
        boolean money = settings.currency().isPresent();
        settings.currency().ifPresent(code -> yaml.append("currency: ").append(code).append('\n'));
        mainEntity(profiles).flatMap(profile -> profile.mainTime().filter(Column::inEveryFile).map(time -> profile.entity() + "." + time.name()))
                .ifPresent(dataDate -> yaml.append("data_date: ").append(dataDate).append('\n'));
        yaml.append("\ntables:\n");
        for (CsvProfile profile : profiles) {
            String entity = profile.entity();
            String words = entity.replace('_', ' ');
            yaml.append("  - name: ").append(entity).append('\n');
            yaml.append("    base_table: gold.").append(entity).append('\n');
            Optional<ModelDescriber.Written> written = settings.descriptions().table(entity);
            String drafted = "One row per " + (profile.appendOnly() ? "line of the " + words + " drops"
                    : Language.singular(words) + " (" + String.join(", ", profile.key()) + ")") + ", " + profile.rows() + " rows in the drops read by init.";
            described(yaml, "    ", drafted, written);
            yaml.append("    grain: ").append(quote("one row per " + (profile.appendOnly() ? "line" : String.join(", ", profile.key())))).append('\n');
            if (!profile.appendOnly()) {
                yaml.append("    primary_key: [").append(String.join(", ", profile.key())).append("]\n");
            }
            synonyms(yaml, "    ", List.of(words), written);
            List<Column> required = profile.columns().stream().filter(Column::inEveryFile).toList();
            yaml.append("    dimensions:\n");
            for (Column column : required) {
                if (column.type().isTime() || column.type().kind() == Kind.DECIMAL) {
                    continue;
                }
                dimension(yaml, column, column.type().kind() == Kind.BOOLEAN ? "boolean" : column.type().kind() == Kind.INTEGER ? "bigint" : "string",
                        settings.descriptions().column(entity, column.name()));
            }
            Optional<Column> time = profile.mainTime().filter(Column::inEveryFile);
            if (time.isPresent()) {
                String of = time.get().name().replace('_', ' ');
                yaml.append("      - {name: year, data_type: int, description: ").append(quote(REVIEW + "Calendar year of the " + of + "."))
                        .append(", synonyms: [yearly, annual]}\n");
                yaml.append("      - {name: quarter, data_type: int, description: ").append(quote(REVIEW + "Calendar quarter (1-4) of the " + of + "."))
                        .append(", synonyms: [quarterly]}\n");
                yaml.append("      - {name: month, data_type: int, description: ").append(quote(REVIEW + "Calendar month (1-12) of the " + of + "."))
                        .append(", synonyms: [monthly]}\n");
            }
            List<Column> times = required.stream().filter(column -> column.type().isTime()).toList();
            if (!times.isEmpty()) {
                yaml.append("    time_dimensions:\n");
                for (Column column : times) {
                    yaml.append("      - name: ").append(column.name()).append('\n');
                    yaml.append("        data_type: ").append(column.type().sparkType()).append('\n');
                    Optional<ModelDescriber.Written> columnText = settings.descriptions().column(entity, column.name());
                    described(yaml, "        ", column.name().replace('_', ' ') + " (read as " + column.type().format() + ").", columnText);
                    synonyms(yaml, "        ", time.filter(column::equals).isPresent() ? List.of(column.name().replace('_', ' '), "date", "day")
                            : List.of(column.name().replace('_', ' ')), columnText);
                    yaml.append("        grains: [").append(column.type().kind() == Kind.TIMESTAMP ? "hour, " : "").append("day, week, month, quarter, year]\n");
                }
            }
            yaml.append("    metrics:\n");
            yaml.append("      - name: ").append(entity).append('\n');
            yaml.append("        type: simple\n        agg: count\n");
            yaml.append("        description: ").append(quote(REVIEW + "Number of " + (profile.appendOnly() ? "lines" : words) + ".")).append('\n');
            yaml.append("        synonyms: [").append(String.join(", ", Language.InitWords.synonyms(WORDS.countSynonyms(), words).stream().map(ProjectDrafter::quote).toList()))
                    .append("]\n");
            yaml.append("        unit: ").append(entity).append("\n        format: integer\n");
            for (Column column : required) {
                String columnWords = column.name().replace('_', ' ');
                if (column.type().kind() == Kind.DECIMAL) {
                    boolean isMoney = money && MONEY_WORDS.matcher(column.name()).find();
                    metric(yaml, "total_" + column.name(), "sum", column.name(), "Sum of " + columnWords + ".",
                            Language.InitWords.synonyms(WORDS.sumSynonyms(), columnWords), isMoney ? settings.currency().get() : column.name(), isMoney ? "money" : "decimal");
                    metric(yaml, "avg_" + column.name(), "avg", column.name(), "Average " + columnWords + " per row.",
                            Language.InitWords.synonyms(WORDS.averageSynonyms(), columnWords), isMoney ? settings.currency().get() : column.name(), isMoney ? "money" : "decimal");
                }
                else if (column.type().kind() == Kind.INTEGER && column.distinct() > ENUM_LIMIT) {
                    metric(yaml, "total_" + column.name(), "sum", column.name(), "Sum of " + columnWords + ".",
                            Language.InitWords.synonyms(WORDS.integerSumSynonyms(), columnWords), column.name(), "integer");
                }
                else if (column.type().kind() == Kind.STRING && column.name().endsWith("_id") && !profile.key().equals(List.of(column.name()))
                        && !isEntity(profiles, column.name().substring(0, column.name().length() - 3))) {
                    // "number of customers" on an orders table; none when the model has a table of them, whose count it is
                    String counted = column.name().substring(0, column.name().length() - 3).replace('_', ' ');
                    metric(yaml, "distinct_" + column.name().substring(0, column.name().length() - 3) + "s", "count_distinct", column.name(),
                            "Number of distinct " + counted + "s.", Language.InitWords.synonyms(WORDS.distinctSynonyms(), counted + "s"),
                            counted + "s", "integer");
                }
            }
        }
        yaml.append("\ninstructions:\n");
        yaml.append("  - ").append(quote("Relative time is anchored at the data date, the latest value of the model's data_date column, never today's date.")).append('\n');
        return yaml.toString();
    }

    private static void dimension(StringBuilder yaml, Column column, String dataType, Optional<ModelDescriber.Written> written)
    {
        yaml.append("      - name: ").append(column.name()).append('\n');
        yaml.append("        data_type: ").append(dataType).append('\n');
        described(yaml, "        ", column.name().replace('_', ' ')
                + (column.spellings().isEmpty() ? "" : " (header " + String.join(", ", column.spellings()) + ")") + ".", written);
        synonyms(yaml, "        ", List.of(column.name().replace('_', ' ')), written);
        if (!column.samples().isEmpty()) {
            yaml.append("        sample_values: [").append(String.join(", ", column.samples().stream().map(ProjectDrafter::quote).toList())).append("]\n");
        }
        if (column.type().kind() == Kind.STRING && column.distinct() <= ENUM_LIMIT && column.distinct() > 0) {
            yaml.append("        is_enum: true\n");
        }
    }

    /** The description: the model's when it wrote one (under {@link #WRITTEN_BY_MODEL}), else init's guess; both marked. */
    private static void described(StringBuilder yaml, String indent, String drafted, Optional<ModelDescriber.Written> written)
    {
        Optional<String> byModel = written.map(ModelDescriber.Written::description).filter(text -> !text.isEmpty());
        byModel.ifPresent(text -> yaml.append(indent).append(WRITTEN_BY_MODEL).append('\n'));
        yaml.append(indent).append("description: ").append(quote(REVIEW + byModel.orElse(drafted))).append('\n');
    }

    /** init's synonyms, then the model's (under {@link #WRITTEN_BY_MODEL}) when it wrote new ones. */
    private static void synonyms(StringBuilder yaml, String indent, List<String> drafted, Optional<ModelDescriber.Written> written)
    {
        Set<String> all = new LinkedHashSet<>(drafted);
        written.ifPresent(text -> all.addAll(text.synonyms()));
        if (all.size() > drafted.size()) {
            yaml.append(indent).append(WRITTEN_BY_MODEL).append('\n');
        }
        yaml.append(indent).append("synonyms: [").append(String.join(", ", all.stream().map(ProjectDrafter::quote).toList())).append("]\n");
    }

    /** A simple metric declared as an aggregate over a column (docs/architecture.md, "The semantic model"). */
    private static void metric(StringBuilder yaml, String name, String agg, String column, String description, List<String> synonyms, String unit, String format)
    {
        yaml.append("      - name: ").append(name).append('\n');
        yaml.append("        type: simple\n");
        yaml.append("        agg: ").append(agg).append('\n');
        yaml.append("        expr: ").append(quote(column)).append('\n');
        yaml.append("        description: ").append(quote(REVIEW + description)).append('\n');
        yaml.append("        synonyms: [").append(String.join(", ", synonyms.stream().map(ProjectDrafter::quote).toList())).append("]\n");
        yaml.append("        unit: ").append(quote(unit)).append('\n');
        yaml.append("        format: ").append(format).append('\n');
    }

    private static boolean isEntity(List<CsvProfile> profiles, String stem)
    {
        return profiles.stream().anyMatch(profile -> profile.entity().equals(stem) || profile.entity().equals(stem + "s"));
    }

    /** The entity with the most rows that has a time column: its main time is the data date. */
    private static Optional<CsvProfile> mainEntity(List<CsvProfile> profiles)
    {
        return profiles.stream().filter(profile -> profile.mainTime().filter(Column::inEveryFile).isPresent())
                .max(Comparator.comparingLong(CsvProfile::rows));
    }

    // ---- eval suite --------------------------------------------------------------------------------------------

    static String suite(List<CsvProfile> profiles, String name)
    {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Eval suite drafted by `aurum init`: a starting point. Check every SQL on your rows, then add the questions your\n");
        yaml.append("# users really ask. Score it with ./aurum eval --project DIR --on-lakehouse.\n");
        yaml.append("name: ").append(name).append('\n');
        yaml.append("description: ").append(quote(REVIEW + "Questions drafted from the drops' entities.")).append('\n');
        yaml.append("items:\n");
        for (CsvProfile profile : profiles) {
            String entity = profile.entity();
            String words = entity.replace('_', ' ');
            yaml.append("  - id: ").append(entity.replace('_', '-')).append("-count\n");
            yaml.append("    question: ").append(quote("How many " + words + " are there?")).append('\n');
            yaml.append("    expect: answer\n    tags: [metric]\n");
            yaml.append("    sql: |\n      SELECT COUNT(*) AS ").append(entity).append(" FROM gold.").append(entity).append('\n');
            if (profile.mainTime().filter(Column::inEveryFile).isPresent()) {
                yaml.append("  - id: ").append(entity.replace('_', '-')).append("-by-month\n");
                yaml.append("    question: ").append(quote("How many " + words + " by month?")).append('\n');
                yaml.append("    expect: answer\n    tags: [time-grain]\n");
                yaml.append("    sql: |\n      SELECT year, month, COUNT(*) AS ").append(entity).append(" FROM gold.").append(entity).append(" GROUP BY year, month\n");
            }
        }
        return yaml.toString();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static String quote(String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }

    private static void write(Path project, String relative, String text, List<String> written)
    {
        Path file = project.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        written.add(relative);
    }

    private static void copy(Path from, Path to, String entity)
    {
        try {
            Files.createDirectories(to.getParent());
            if (Files.exists(to)) {
                throw new AurumException(ErrorCode.BAD_INPUT, "Two drops of " + entity + " have the same date (" + to.getParent().getFileName()
                        + "); give each drop of an entity its own date in the file name.");
            }
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        }
    }
}
