package dev.aurum.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** A named list of questions; see {@code evals/ecommerce.yaml}. */
public record EvalSuite(String name, String description, String source, List<EvalItem> items)
{
    public EvalSuite
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(source, "source is null");
        items = List.copyOf(requireNonNull(items, "items is null"));
    }

    /**
     * The items grouped as they are asked: each conversation's items together, in file order, groups ordered by
     * their first item; an item without a conversation key is a group of its own.
     */
    public List<List<EvalItem>> sessions()
    {
        Map<String, List<EvalItem>> groups = new LinkedHashMap<>();
        for (EvalItem item : items) {
            String key = item.conversation().map(name -> "conversation:" + name).orElse("item:" + item.id());
            groups.computeIfAbsent(key, ignored -> new ArrayList<>()).add(item);
        }
        return groups.values().stream().map(List::copyOf).toList();
    }
}
