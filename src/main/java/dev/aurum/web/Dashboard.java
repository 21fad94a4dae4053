package dev.aurum.web;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A dashboard as stored in {@code dashboards/NAME.yaml} (the name is the file's, not written inside it): a title, a description and tiles in display order. Tile ids
 * are unique within a dashboard (a repeated id gets a numeric suffix).
 */
public record Dashboard(String name, String title, String description, List<Tile> tiles)
{
    @JsonCreator
    public Dashboard(@JsonProperty("name") String name, @JsonProperty("title") String title, @JsonProperty("description") String description,
            @JsonProperty("tiles") List<Tile> tiles)
    {
        this.name = name == null ? null : DashboardStore.checkName(name);
        this.title = title == null || title.isBlank() ? (name == null ? "Dashboard" : name) : title.strip();
        this.description = description == null ? "" : description.strip();
        this.tiles = uniqueIds(tiles == null ? List.of() : tiles);
    }

    public Dashboard withName(String newName)
    {
        return new Dashboard(newName, title, description, tiles);
    }

    public Dashboard withTile(Tile tile)
    {
        List<Tile> more = new ArrayList<>(tiles);
        more.add(tile);
        return new Dashboard(name, title, description, more);
    }

    private static List<Tile> uniqueIds(List<Tile> tiles)
    {
        Set<String> seen = new HashSet<>();
        List<Tile> unique = new ArrayList<>();
        for (Tile tile : tiles) {
            if (tile == null) {
                throw new AurumException(ErrorCode.BAD_INPUT, "A dashboard's tiles must not be empty entries.");
            }
            String id = tile.id();
            for (int suffix = 2; !seen.add(id); suffix++) {
                id = tile.id() + "-" + suffix;
            }
            unique.add(id.equals(tile.id()) ? tile : tile.withId(id));
        }
        return List.copyOf(unique);
    }
}
