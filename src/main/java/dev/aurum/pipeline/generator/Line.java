package dev.aurum.pipeline.generator;

import static java.util.Objects.requireNonNull;

/**
 * One data line of a landing file, its fields in the entity's contract order for that day. A line carries at most
 * one defect; a locked line (one that was duplicated) takes no defect, so its copies stay exact.
 */
final class Line
{
    private final String[] fields;
    private DefectKind defect;
    private boolean locked;

    Line(String[] fields)
    {
        this.fields = requireNonNull(fields, "fields is null");
    }

    static Line defective(String[] fields, DefectKind defect)
    {
        Line line = new Line(fields);
        line.defect = requireNonNull(defect, "defect is null");
        return line;
    }

    String[] fields()
    {
        return fields;
    }

    String field(int index)
    {
        return fields[index];
    }

    void set(int index, String value)
    {
        fields[index] = requireNonNull(value, "value is null");
    }

    DefectKind defect()
    {
        return defect;
    }

    void markDefect(DefectKind defect)
    {
        this.defect = requireNonNull(defect, "defect is null");
    }

    /** No defect and not duplicated: free to take a defect. */
    boolean isClean()
    {
        return defect == null && !locked;
    }

    void lock()
    {
        locked = true;
    }

    String[] copyOfFields()
    {
        return fields.clone();
    }
}
