package dev.aurum.pipeline.generator;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Reference data for products: Olist's English snake_case categories with their share of items, the median price
 * in BRL (prices really differ by category), the allowed price range and the median weight in grams.
 */
final class ProductCategories
{
    record Category(String name, double weight, double medianPrice, double minPrice, double maxPrice, double medianWeightGrams)
    {
        Category
        {
            requireNonNull(name, "name is null");
        }
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("bed_bath_table", 10.0, 80, 10, 1000, 1500),
            new Category("health_beauty", 9.5, 90, 5, 2500, 600),
            new Category("sports_leisure", 8.6, 80, 5, 3000, 900),
            new Category("furniture_decor", 7.4, 90, 8, 1800, 2500),
            new Category("computers_accessories", 7.0, 120, 5, 3500, 700),
            new Category("housewares", 6.2, 70, 5, 2000, 1500),
            new Category("watches_gifts", 5.3, 180, 10, 3500, 400),
            new Category("telephony", 4.0, 45, 5, 2500, 250),
            new Category("garden_tools", 3.9, 85, 5, 1500, 2000),
            new Category("auto", 3.7, 95, 5, 2500, 1300),
            new Category("toys", 3.6, 75, 5, 1700, 900),
            new Category("cool_stuff", 3.4, 130, 7, 3000, 1500),
            new Category("perfumery", 3.0, 100, 5, 700, 400),
            new Category("baby", 2.7, 110, 5, 1500, 1800),
            new Category("electronics", 2.4, 55, 5, 2500, 400),
            new Category("stationery", 2.2, 65, 3, 1700, 700),
            new Category("fashion_bags_accessories", 1.8, 60, 5, 900, 400),
            new Category("pet_shop", 1.7, 85, 5, 1000, 1500),
            new Category("office_furniture", 1.5, 160, 15, 1500, 9000),
            new Category("consoles_games", 1.0, 110, 5, 3000, 500),
            new Category("luggage_accessories", 1.0, 140, 10, 2000, 2500),
            new Category("construction_tools_construction", 0.8, 120, 5, 2000, 2000),
            new Category("musical_instruments", 0.6, 220, 10, 4000, 1500),
            new Category("small_appliances", 0.6, 210, 10, 2500, 3000),
            new Category("home_appliances", 0.7, 100, 10, 2000, 2500),
            new Category("books_general_interest", 0.5, 60, 5, 500, 450),
            new Category("food", 0.4, 50, 5, 300, 600),
            new Category("computers", 0.2, 1100, 100, 6700, 6000));

    private ProductCategories() {}
}
