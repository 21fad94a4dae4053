package dev.aurum.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers in conclusions: p-values, statistics, money ({@code £ 1,234.50} with the model's currency, as the answers show money elsewhere). */
final class Wording
{
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private Wording() {}

    /** "p < 0.001" or "p = 0.0123". */
    static String p(double p)
    {
        return p < 0.001 ? "p < 0.001" : "p = " + significant(p, 3);
    }

    /** Three significant digits, at most 4 decimals for numbers above 1 ("1.85", "1,234.6", "0.00421"). */
    static String significant(double value, int digits)
    {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (Math.abs(value) >= 1000) {
            return new DecimalFormat("#,##0.#", SYMBOLS).format(rounded);
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    static String amount(double value, boolean money, String currencySymbol)
    {
        if (money) {
            String text = new DecimalFormat("#,##0.00", SYMBOLS).format(new BigDecimal(value).setScale(2, RoundingMode.HALF_UP).abs());
            return (value < 0 ? "−" : "") + (currencySymbol.isEmpty() ? "" : currencySymbol + " ") + text;
        }
        return new DecimalFormat("#,##0.##", SYMBOLS).format(value);
    }

    static String percentLevel(double alpha)
    {
        return new DecimalFormat("0.##", SYMBOLS).format(alpha * 100) + "%";
    }

    /** "order_value" → "order value". */
    static String words(String name)
    {
        return name.replace('_', ' ').strip();
    }
}
