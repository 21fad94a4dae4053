package dev.aurum.pipeline.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** The lines of one simulated day, per entity, in file order. */
final class DayOutput
{
    private final int dayIndex;
    private final LocalDate date;
    private final Map<LandingEntity, List<Line>> lines = new EnumMap<>(LandingEntity.class);

    DayOutput(int dayIndex, LocalDate date)
    {
        this.dayIndex = dayIndex;
        this.date = requireNonNull(date, "date is null");
        for (LandingEntity entity : LandingEntity.values()) {
            lines.put(entity, new ArrayList<>());
        }
    }

    int dayIndex()
    {
        return dayIndex;
    }

    LocalDate date()
    {
        return date;
    }

    List<Line> lines(LandingEntity entity)
    {
        return lines.get(entity);
    }

    Line add(LandingEntity entity, String... fields)
    {
        Line line = new Line(fields);
        lines.get(entity).add(line);
        return line;
    }

    /** The file's header: the day's columns, reordered on the day the generator sends a shuffled header. */
    List<String> header(LandingEntity entity)
    {
        List<String> columns = entity.columnsOnDay(dayIndex);
        int[] order = columnOrder(entity);
        List<String> header = new ArrayList<>(columns.size());
        for (int index : order) {
            header.add(columns.get(index));
        }
        return header;
    }

    /** Positions of the contract-order fields in the written file. */
    int[] columnOrder(LandingEntity entity)
    {
        int size = entity.columnsOnDay(dayIndex).size();
        int[] order = new int[size];
        boolean reordered = entity == Simulation.REORDERED_HEADER_ENTITY && dayIndex == Simulation.REORDERED_HEADER_DAY_INDEX;
        for (int i = 0; i < size; i++) {
            order[i] = reordered ? size - 1 - i : i;
        }
        return order;
    }

    /** The file's text: header and every line, RFC 4180, LF line ends. */
    String render(LandingEntity entity)
    {
        int[] order = columnOrder(entity);
        StringBuilder text = new StringBuilder(64 * (lines(entity).size() + 1));
        Csv.appendRecord(text, header(entity));
        text.append('\n');
        List<String> fields = new ArrayList<>(order.length + 1);
        for (Line line : lines(entity)) {
            fields.clear();
            for (int index : order) {
                fields.add(line.field(index));
            }
            if (line.defect() == DefectKind.MALFORMED_TOO_FEW_FIELDS) {
                fields.remove(fields.size() - 1);
            }
            else if (line.defect() == DefectKind.MALFORMED_TOO_MANY_FIELDS) {
                fields.add("unexpected, \"extra\" field");
            }
            Csv.appendRecord(text, fields);
            text.append('\n');
        }
        return text.toString();
    }
}
