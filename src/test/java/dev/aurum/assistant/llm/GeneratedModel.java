package dev.aurum.assistant.llm;

import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.Relationship;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.TimeDimension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated 300-table semantic model for schema retrieval: 30 subjects (suppliers, vessels, clinics, ...) each with a
 * table of its own and nine fact tables (payments, inspections, incidents, ...) related to it many-to-one, and a fixed
 * list of questions with the tables each needs.
 */
final class GeneratedModel
{
    static final List<String> SUBJECTS = List.of("supplier", "employee", "warehouse", "store", "vehicle", "patient", "student", "project",
            "campaign", "device", "flight", "hotel", "insurance_policy", "loan", "branch", "machine", "farm", "vessel", "clinic", "school", "library",
            "museum", "stadium", "theater", "airport", "factory", "mine", "pipeline", "satellite", "restaurant");

    /** Aspect → its value column, its category column and a description. */
    private static final Map<String, String[]> ASPECTS = new LinkedHashMap<>();

    static {
        ASPECTS.put("payments", new String[] {"payment_amount", "payment_method", "money paid"});
        ASPECTS.put("inspections", new String[] {"inspection_score", "inspector_name", "inspection results"});
        ASPECTS.put("incidents", new String[] {"incident_cost", "incident_severity", "incidents and accidents"});
        ASPECTS.put("budgets", new String[] {"budget_amount", "budget_category", "planned budgets"});
        ASPECTS.put("maintenance_events", new String[] {"maintenance_cost", "technician", "repairs and maintenance"});
        ASPECTS.put("reviews", new String[] {"review_rating", "reviewer_type", "ratings and reviews"});
        ASPECTS.put("energy_readings", new String[] {"kwh_consumed", "meter_type", "energy consumption"});
        ASPECTS.put("headcount_snapshots", new String[] {"headcount", "department", "staff numbers"});
        ASPECTS.put("contracts", new String[] {"contract_value", "counterparty", "signed contracts"});
    }

    /** A question and the tables its SQL needs. */
    record Case(String question, Set<String> tables) {}

    static final List<Case> QUESTIONS = List.of(
            new Case("total payment amount of suppliers by country last year", Set.of("supplier_payments", "suppliers")),
            new Case("average inspection score of vessels in 2023", Set.of("vessel_inspections")),
            new Case("how many incidents did each factory have by severity", Set.of("factory_incidents")),
            new Case("maintenance cost of vehicles per region", Set.of("vehicle_maintenance_events", "vehicles")),
            new Case("energy consumed by warehouses per month", Set.of("warehouse_energy_readings")),
            new Case("review rating of hotels by country", Set.of("hotel_reviews", "hotels")),
            new Case("headcount of clinics by department", Set.of("clinic_headcount_snapshots")),
            new Case("contract value of airport contracts per counterparty", Set.of("airport_contracts")),
            new Case("budget amount of school budgets by category in 2022", Set.of("school_budgets")),
            new Case("which restaurants had the most incidents, with their names", Set.of("restaurant_incidents", "restaurants")));

    private GeneratedModel() {}

    static String plural(String subject)
    {
        return subject.endsWith("y") ? subject.substring(0, subject.length() - 1) + "ies" : subject + "s";
    }

    static SemanticModel create()
    {
        List<SemanticTable> tables = new ArrayList<>();
        List<Relationship> relationships = new ArrayList<>();
        for (String subject : SUBJECTS) {
            String words = subject.replace('_', ' ');
            String plural = plural(subject);
            tables.add(new SemanticTable(plural, "One row per " + words + ", with its name, region and country.", "gold." + plural, "one row per " + words,
                    List.of(subject + "_id"), List.of(plural(words)),
                    List.of(
                            new Dimension(subject + "_id", null, "string", "Identifier of the " + words + ".", List.of(), List.of(), false),
                            new Dimension(subject + "_name", null, "string", "Name of the " + words + ".", List.of("name"), List.of(), false),
                            new Dimension("region", null, "string", "Region of the " + words + ".", List.of("area"), List.of(), true),
                            new Dimension("country", null, "string", "Country of the " + words + ".", List.of("nation"), List.of(), true),
                            new Dimension("category", null, "string", "Kind of " + words + ".", List.of("type"), List.of(), true)),
                    List.of(new TimeDimension("opened_date", null, "date", "When the " + words + " started.", List.of(), List.of("year"))),
                    List.of(Metric.simple(plural + "_count", "count", null, null, "integer", "count").describedAs("Number of " + plural(words) + ".", List.of())),
                    List.of()));
            for (Map.Entry<String, String[]> aspect : ASPECTS.entrySet()) {
                String name = subject + "_" + aspect.getKey();
                String[] columns = aspect.getValue();
                String aspectWords = aspect.getKey().replace('_', ' ');
                tables.add(new SemanticTable(name, "One row per " + aspectWords.replaceAll("s$", "") + " of a " + words + ": " + columns[2] + ".",
                        "gold." + name, "one row per event", List.of("event_id"), List.of(words + " " + aspectWords),
                        List.of(
                                new Dimension("event_id", null, "string", "Identifier of the event.", List.of(), List.of(), false),
                                new Dimension(subject + "_id", null, "string", "The " + words + " of the event.", List.of(words), List.of(), false),
                                new Dimension(columns[1], null, "string", columns[1].replace('_', ' ') + " of the event.", List.of(), List.of(), true),
                                new Dimension(columns[0], null, "double", columns[0].replace('_', ' ') + " of the event.", List.of(), List.of(), false)),
                        List.of(new TimeDimension("event_date", null, "date", "Date of the event.", List.of("date", "when"), List.of("day", "month", "year"))),
                        List.of(
                                Metric.simple("total_" + columns[0], "sum", columns[0], null, "decimal", "").describedAs("Sum of " + columns[0].replace('_', ' ') + ".", List.of()),
                                Metric.simple("average_" + columns[0], "avg", columns[0], null, "decimal", "").describedAs("Average " + columns[0].replace('_', ' ') + ".", List.of()),
                                Metric.simple(aspect.getKey() + "_count", "count", null, null, "integer", "count").describedAs("Number of " + aspectWords + ".", List.of())),
                        List.of()));
                relationships.add(new Relationship(name + "_to_" + plural, name, plural,
                        List.of(new Relationship.ColumnPair(subject + "_id", subject + "_id")), "inner", "many_to_one"));
            }
        }
        return new SemanticModel("generated", "A generated model of 300 tables for schema retrieval tests.", tables, relationships, List.of(), List.of());
    }
}
