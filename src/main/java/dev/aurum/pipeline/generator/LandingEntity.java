package dev.aurum.pipeline.generator;

import java.util.List;

/** The five entities of the landing zone, with the contract columns of docs/architecture.md in contract order. */
public enum LandingEntity
{
    CUSTOMERS("customers", List.of("customer_id", "customer_zip_code_prefix", "customer_city", "customer_state")),
    PRODUCTS("products", List.of("product_id", "product_category_name", "product_weight_g", "product_length_cm", "product_height_cm", "product_width_cm")),
    ORDERS("orders", List.of("order_id", "customer_id", "order_status", "order_purchase_timestamp", "order_approved_at", "order_delivered_timestamp", "order_estimated_delivery_date")),
    ORDER_ITEMS("order_items", List.of("order_id", "order_item_id", "product_id", "seller_id", "price", "shipping_charges")),
    PAYMENTS("payments", List.of("order_id", "payment_sequential", "payment_type", "payment_installments", "payment_value"));

    /** The column the orders files gain from the fourth generated day on (day index 3): schema evolution. */
    public static final String SALES_CHANNEL = "sales_channel";
    /** The first day index whose orders files carry {@link #SALES_CHANNEL}. */
    public static final int SALES_CHANNEL_FROM_DAY_INDEX = 3;

    private final String entityName;
    private final List<String> columns;

    LandingEntity(String entityName, List<String> columns)
    {
        this.entityName = entityName;
        this.columns = columns;
    }

    /** The folder and file name: {@code landing/<entityName>/<YYYY-MM-DD>/<entityName>.csv}. */
    public String entityName()
    {
        return entityName;
    }

    public List<String> columns()
    {
        return columns;
    }

    /** The columns of this entity's file on the given day index, in contract order (before any reordering). */
    public List<String> columnsOnDay(int dayIndex)
    {
        if (this == ORDERS && dayIndex >= SALES_CHANNEL_FROM_DAY_INDEX) {
            return List.of("order_id", "customer_id", "order_status", "order_purchase_timestamp", "order_approved_at", "order_delivered_timestamp", "order_estimated_delivery_date", SALES_CHANNEL);
        }
        return columns;
    }
}
