package dev.aurum.stats;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.Language;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.NamedFilter;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.semantic.SemanticTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Finds values, groupings and filters in the semantic model: exactly by name, column or synonym (the command line),
 * or by the words of a phrase against names, synonyms and descriptions (questions). The model's words live in its
 * YAML; nothing here knows a shop.
 */
public final class SemanticNames
{
    private static final Set<String> NUMERIC_PREFIXES = Set.of("int", "bigint", "smallint", "tinyint", "integer", "long", "double", "float", "decimal", "number");
    /** Words that say nothing about which column is meant ("the average order value" means order value); en.yaml. */
    private static final Set<String> FILLER = Language.english().columnFillerWords();
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final SemanticModel model;

    public SemanticNames(SemanticModel model)
    {
        this.model = requireNonNull(model, "model is null");
    }

    public SemanticModel model()
    {
        return model;
    }

    /**
     * The subject of a test named on the command line.
     *
     * @param tableName a table of the model (name or base table), or null: the first table that has both names
     * @param filter a named filter (name or synonym), a boolean SQL expression, {@code none}, or null: revenue-style
     * default when the value is money (see {@link #defaultFilter})
     * @throws AurumException UNKNOWN_COLUMN when a name is not in the model
     */
    public StatsSubject subject(String tableName, String value, String group, String filter)
    {
        List<SemanticTable> tables = tableName == null ? model.tables() : List.of(model.table(tableName).orElseThrow(() -> new AurumException(
                ErrorCode.UNKNOWN_COLUMN, "There is no table " + tableName + " in the semantic model; tables: "
                        + model.tables().stream().map(SemanticTable::name).collect(Collectors.joining(", ")) + ".")));
        for (SemanticTable table : tables) {
            Optional<Dimension> valueDimension = exact(table, value);
            Optional<Dimension> groupDimension = exact(table, group);
            if (valueDimension.isPresent() && groupDimension.isPresent()) {
                if (!isNumeric(valueDimension.get())) {
                    throw new AurumException(ErrorCode.BAD_INPUT, valueDimension.get().name() + " is " + valueDimension.get().dataType()
                            + ", not a number; --value needs a numeric column such as " + numericNames(table) + ".");
                }
                return subject(table, valueDimension.get(), groupDimension.get(), filter);
            }
        }
        SemanticTable first = tables.get(0);
        String missing = tables.stream().anyMatch(table -> exact(table, value).isPresent()) ? group : value;
        throw new AurumException(ErrorCode.UNKNOWN_COLUMN, "No table" + (tableName == null ? "" : " " + first.name()) + " of the semantic model has both "
                + value + " and " + group + " (" + missing + " is not a dimension there). Values of " + first.name() + ": " + numericNames(first)
                + "; groupings: " + groupingNames(first) + ".");
    }

    /** The subject with the filter resolved (see {@link #subject(String, String, String, String)}). */
    public StatsSubject subject(SemanticTable table, Dimension value, Dimension group, String filter)
    {
        boolean money = isMoney(table, value);
        String filterName = null;
        String filterExpression = null;
        if (filter == null) {
            Optional<NamedFilter> fallback = money ? defaultFilter(table, value) : Optional.empty();
            if (fallback.isPresent()) {
                filterName = fallback.get().name();
                filterExpression = fallback.get().expression();
            }
        }
        else if (!filter.strip().equalsIgnoreCase("none")) {
            Optional<NamedFilter> named = table.filters().stream()
                    .filter(candidate -> candidate.name().equalsIgnoreCase(filter.strip()) || candidate.synonyms().stream().anyMatch(s -> s.equalsIgnoreCase(filter.strip())))
                    .findFirst();
            filterName = named.map(NamedFilter::name).orElse(null);
            filterExpression = named.map(NamedFilter::expression).orElse(filter.strip());
        }
        return new StatsSubject(table, value.name(), value.expression(), group.name(), group.expression(), filterName, filterExpression, money);
    }

    /** A dimension by name, expression (column) or synonym, case-insensitive. */
    public Optional<Dimension> exact(SemanticTable table, String name)
    {
        String wanted = requireNonNull(name, "name is null").strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        for (Dimension dimension : table.dimensions()) {
            if (dimension.name().equalsIgnoreCase(wanted) || dimension.expression().equalsIgnoreCase(wanted)) {
                return Optional.of(dimension);
            }
        }
        String spaced = wanted.replace('_', ' ');
        return table.dimensions().stream().filter(dimension -> dimension.synonyms().stream().anyMatch(s -> s.equalsIgnoreCase(spaced))).findFirst();
    }

    /** A match of a phrase of a question, with how well it matched. */
    public record Match(SemanticTable table, Dimension dimension, int score) {}

    /**
     * The dimension whose name, synonyms or description best share words with {@code phrase}: a whole name or synonym
     * scores 100, each shared name or synonym word 10, each shared description word 1; at least one name or synonym
     * word must match. Tables are searched in model order and the first best match wins.
     */
    public Optional<Match> find(String phrase, boolean numeric, SemanticTable within)
    {
        Set<String> words = words(phrase);
        String joined = String.join(" ", words);
        Match best = null;
        for (SemanticTable table : within == null ? model.tables() : List.of(within)) {
            for (Dimension dimension : table.dimensions()) {
                if (numeric != isNumeric(dimension)) {
                    continue;
                }
                int score = 0;
                List<String> names = new ArrayList<>(dimension.synonyms());
                names.add(dimension.name().replace('_', ' '));
                for (String name : names) {
                    Set<String> nameWords = words(name);
                    if (!nameWords.isEmpty() && String.join(" ", nameWords).equals(joined)) {
                        score = Math.max(score, 100);
                    }
                }
                Set<String> nameWords = new HashSet<>();
                names.forEach(name -> nameWords.addAll(words(name)));
                int shared = (int) words.stream().filter(nameWords::contains).count();
                if (shared == 0 && score == 0) {
                    continue;
                }
                Set<String> descriptionWords = words(dimension.description());
                score += 10 * shared + (int) words.stream().filter(descriptionWords::contains).count();
                if (best == null || score > best.score()) {
                    best = new Match(table, dimension, score);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Money: a money-formatted metric of the table uses the value's column. Its default filter: the table's named
     * filter whose expression appears in the most of those metrics (revenue orders, in the shop's model).
     */
    public boolean isMoney(SemanticTable table, Dimension value)
    {
        return !moneyMetrics(table, value).isEmpty();
    }

    public Optional<NamedFilter> defaultFilter(SemanticTable table, Dimension value)
    {
        List<Metric> metrics = moneyMetrics(table, value);
        NamedFilter best = null;
        long bestCount = 0;
        for (NamedFilter filter : table.filters()) {
            String expression = filter.expression().strip();
            long count = metrics.stream().filter(metric -> metric.filter() != null && metric.filter().equalsIgnoreCase(expression)).count();
            if (count > bestCount) {
                best = filter;
                bestCount = count;
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<Metric> moneyMetrics(SemanticTable table, Dimension value)
    {
        if (!IDENTIFIER.matcher(value.expression()).matches()) {
            return List.of();
        }
        return table.metrics().stream()
                .filter(metric -> metric.format().equalsIgnoreCase("money") && metric.isSimple() && value.expression().equalsIgnoreCase(metric.expr()))
                .toList();
    }

    public static boolean isNumeric(Dimension dimension)
    {
        String type = dimension.dataType().toLowerCase(Locale.ROOT);
        return NUMERIC_PREFIXES.stream().anyMatch(type::startsWith);
    }

    /** Dimensions worth grouping by: the model's enumerations, then calendar parts (year, quarter, month). */
    public static List<Dimension> groupings(SemanticTable table)
    {
        List<Dimension> groupings = new ArrayList<>(table.dimensions().stream().filter(Dimension::isEnum).toList());
        table.dimensions().stream().filter(dimension -> !dimension.isEnum() && SemanticModelLoader.TIME_PARTS.contains(dimension.name())).forEach(groupings::add);
        return groupings;
    }

    /** Numeric dimensions that are not groupings, measurements (decimal, double) first. */
    public static List<Dimension> values(SemanticTable table)
    {
        List<Dimension> groupings = groupings(table);
        return table.dimensions().stream().filter(dimension -> isNumeric(dimension) && !groupings.contains(dimension))
                .sorted(java.util.Comparator.comparingInt(dimension -> isMeasurement(dimension) ? 0 : 1)).toList();
    }

    public static boolean isMeasurement(Dimension dimension)
    {
        String type = dimension.dataType().toLowerCase(Locale.ROOT);
        return type.startsWith("decimal") || type.startsWith("double") || type.startsWith("float");
    }

    private static String numericNames(SemanticTable table)
    {
        return values(table).stream().map(Dimension::name).limit(8).collect(Collectors.joining(", "));
    }

    private static String groupingNames(SemanticTable table)
    {
        return groupings(table).stream().map(Dimension::name).limit(10).collect(Collectors.joining(", "));
    }

    /** Lower-case content words, plurals folded ("seasons" → "season", "deliveries" → "delivery"). */
    static Set<String> words(String text)
    {
        Set<String> words = new java.util.LinkedHashSet<>();
        var matcher = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('_', ' '));
        while (matcher.find()) {
            String word = matcher.group();
            if (FILLER.contains(word)) {
                continue;
            }
            words.add(Language.singular(word));
        }
        return words;
    }
}
