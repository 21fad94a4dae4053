package dev.aurum.semantic;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine knows no domain (docs/architecture.md, "The semantic model"): no string in the Java code under
 * src/main names a table, a column, an enumerated sample value or the currency of the shop's semantic model (see
 * {@link #names} for what counts as naming). The names are read from semantic-model/ecommerce.yaml, so a new column
 * of the model is checked too.
 */
class NoShopInJavaTest
{
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*//.*$");

    /**
     * The sample data generator writes the shop's landing files by design (README: "the sample generator"): it is
     * the one place that must know the shop's entities, columns and values.
     */
    private static final Path SAMPLE_GENERATOR = MAIN.resolve("dev/aurum/pipeline/generator");

    /**
     * Calendar words that are also Spark's function names (year(), month(), hour()), the names the planner gives
     * its own time buckets ("year", "month", "week_of_year", "date") and the calendar parts charts and summaries
     * order as periods ("day_of_week_num"): engine vocabulary that the shop's model reuses for its calendar columns.
     */
    private static final Set<String> CALENDAR = Set.of("year", "quarter", "month", "date", "hour", "week_of_year", "day_of_week_num");

    @Test
    void aNameIsTheWholeStringOrAnIdentifierOrCodeInside()
    {
        assertThat(names("orders", "orders")).isTrue();
        assertThat(names("join on a.order_id = b.order_id", "order_id")).isTrue();
        assertThat(names("R$ 12.00", "R$")).isTrue();
        assertThat(names("in SP", "SP")).isTrue();
        assertThat(names("ask about your orders", "orders")).isFalse();
        assertThat(names("order_ids", "order_id")).isFalse();
    }

    @Test
    void noJavaStringNamesATableColumnValueOrCurrencyOfTheShop()
            throws IOException
    {
        Set<String> names = shopNames(new SemanticModelLoader().load(Path.of(SemanticModelLoader.DEFAULT_MODEL)));
        names.removeAll(CALENDAR);
        assertThat(names).as("the names read from the model").contains("order_items", "customer_state", "credit_card", "BRL");

        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java") && !path.startsWith(SAMPLE_GENERATOR)).sorted().toList()) {
                String code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("")).replaceAll("");
                Matcher literal = STRING_LITERAL.matcher(code);
                while (literal.find()) {
                    for (String name : names) {
                        if (names(literal.group(1), name)) {
                            found.add(MAIN.relativize(file) + ": \"" + literal.group(1) + "\" names " + name);
                        }
                    }
                }
            }
        }
        assertThat(found).as("Java strings that name the shop; read them from the semantic model instead").isEmpty();
    }

    /**
     * Whether a string names the model's thing: it is the name, or it holds a name that cannot be an ordinary
     * English word ("order_id", "gold.daily_sales", "SP", "R$"). A plain word that is also a column ("orders",
     * "revenue") in a sentence of help text is English, not a reference to the model.
     */
    static boolean names(String text, String name)
    {
        if (text.strip().equals(name)) {
            return true;
        }
        boolean plainWord = name.matches("[a-z]+");
        return !plainWord && text.contains(name) && Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(text).find();
    }

    /** Tables (and their Gold names), columns, primary keys, enumerated sample values, currencies and their symbols. */
    static Set<String> shopNames(SemanticModel model)
    {
        Set<String> names = new LinkedHashSet<>();
        for (SemanticTable table : model.tables()) {
            names.add(table.name());
            names.add(table.baseTable());
            names.add(table.baseTable().substring(table.baseTable().indexOf('.') + 1));
            names.addAll(table.primaryKey());
            for (Dimension dimension : table.dimensions()) {
                addColumn(names, dimension.expression());
                if (dimension.isEnum()) {
                    names.addAll(dimension.sampleValues());
                }
            }
            table.timeDimensions().forEach(time -> addColumn(names, time.expression()));
            for (Metric metric : table.metrics()) {
                if (metric.format().equals("money")) {
                    Currency currency = Currency.getInstance(metric.unit());
                    names.add(currency.getCurrencyCode());
                    Stream.of(Locale.getAvailableLocales()).filter(locale -> !locale.getCountry().isEmpty())
                            .filter(locale -> currencyOf(locale) == currency)
                            .map(currency::getSymbol)
                            .filter(symbol -> !symbol.equals(currency.getCurrencyCode()))
                            .forEach(names::add);
                }
            }
        }
        return names;
    }

    private static Currency currencyOf(Locale locale)
    {
        try {
            return Currency.getInstance(locale);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void addColumn(Set<String> names, String expression)
    {
        if (expression.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            names.add(expression);
        }
    }
}
