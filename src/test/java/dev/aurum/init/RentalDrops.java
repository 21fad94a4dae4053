package dev.aurum.init;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Daily CSV drops of a car-rental agency, a domain unlike the sample shop's, written the way real exports look:
 * {@code rentals_<date>.csv} with headers {@code RentalID, Customer ID, Pickup Date, Amount, Status} (one day the
 * export spells {@code CustomerID} instead), and {@code extras_<date>.csv} with {@code RentalID, Extra, Price}, where
 * one rental may list the same extra twice (no unique column set: append-only) and one line is an exact duplicate.
 * Deterministic; the expected counts are kept so tests need not trust Spark to know them.
 */
final class RentalDrops
{
    static final List<LocalDate> DAYS = List.of(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 24), LocalDate.of(2024, 2, 7),
            LocalDate.of(2024, 2, 21), LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 20));
    static final LocalDate RENAMED_HEADER_DAY = LocalDate.of(2024, 2, 21);
    static final String[] STATUSES = {"completed", "completed", "completed", "cancelled", "booked"};

    /** Rentals per pickup month ("yyyy-MM"). */
    final Map<String, Integer> rentalsByMonth = new LinkedHashMap<>();
    /** Every extras line written, including the exact duplicate. */
    int extraLines;
    int duplicateLines;
    BigDecimal totalAmount = BigDecimal.ZERO;

    static RentalDrops write(Path folder)
    {
        RentalDrops drops = new RentalDrops();
        Random random = new Random(11);
        int next = 1;
        try {
            Files.createDirectories(folder);
            for (LocalDate day : DAYS) {
                StringBuilder rentals = new StringBuilder(day.equals(RENAMED_HEADER_DAY) ? "RentalID,CustomerID,Pickup Date,Amount,Status\n"
                        : "RentalID,Customer ID,Pickup Date,Amount,Status\n");
                StringBuilder extras = new StringBuilder("RentalID,Extra,Price\n");
                int count = 4 + random.nextInt(5);
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    String id = String.format(Locale.ROOT, "R%04d", next++);
                    LocalDate pickup = day.minusDays(random.nextInt(10));
                    BigDecimal amount = BigDecimal.valueOf(3000 + random.nextInt(20000), 2);
                    rentals.append(id).append(",C").append(100 + random.nextInt(12)).append(',').append(pickup).append(',').append(amount.toPlainString())
                            .append(',').append(STATUSES[random.nextInt(STATUSES.length)]).append('\n');
                    drops.rentalsByMonth.merge(pickup.toString().substring(0, 7), 1, Integer::sum);
                    drops.totalAmount = drops.totalAmount.add(amount);
                    // the same extra twice on one rental is normal: two child seats
                    String extra = i % 2 == 0 ? "child seat" : "gps";
                    lines.add(id + "," + extra + ",5.00");
                    lines.add(id + "," + extra + ",7.50");
                }
                if (day.equals(DAYS.get(0))) {
                    // an exact duplicate line: dropped and counted, never a second row
                    lines.add(lines.get(0));
                    drops.duplicateLines++;
                }
                lines.forEach(line -> extras.append(line).append('\n'));
                drops.extraLines += lines.size();
                Files.writeString(folder.resolve("rentals_" + day + ".csv"), rentals, StandardCharsets.UTF_8);
                Files.writeString(folder.resolve("extras_" + day + ".csv"), extras, StandardCharsets.UTF_8);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return drops;
    }
}
