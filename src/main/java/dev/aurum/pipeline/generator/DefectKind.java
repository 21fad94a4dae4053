package dev.aurum.pipeline.generator;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The bad rows the generator injects, one per kind of the bad-row table of docs/architecture.md (some in two variants). Each
 * defective line carries exactly one kind, so the pipeline's counts can be checked against the report.
 */
public enum DefectKind
{
    /** The line is written twice in the same file. */
    DUPLICATE_IN_FILE("duplicate", Set.of(LandingEntity.values())),
    /** The line is sent again in the same entity's file of the next day. */
    DUPLICATE_RESENT("duplicate", Set.of(LandingEntity.CUSTOMERS, LandingEntity.PRODUCTS, LandingEntity.ORDER_ITEMS, LandingEntity.PAYMENTS)),
    MALFORMED_TOO_FEW_FIELDS("malformed_row", Set.of(LandingEntity.values())),
    MALFORMED_TOO_MANY_FIELDS("malformed_row", Set.of(LandingEntity.values())),
    MISSING_KEY("missing_key", Set.of(LandingEntity.values())),
    INVALID_ORDER_PURCHASE_TIMESTAMP("invalid_order_purchase_timestamp", LandingEntity.ORDERS),
    INVALID_ORDER_ITEM_ID("invalid_order_item_id", LandingEntity.ORDER_ITEMS),
    INVALID_PRICE("invalid_price", LandingEntity.ORDER_ITEMS),
    INVALID_SHIPPING_CHARGES("invalid_shipping_charges", LandingEntity.ORDER_ITEMS),
    INVALID_PAYMENT_SEQUENTIAL("invalid_payment_sequential", LandingEntity.PAYMENTS),
    INVALID_PAYMENT_INSTALLMENTS("invalid_payment_installments", LandingEntity.PAYMENTS),
    INVALID_PAYMENT_VALUE("invalid_payment_value", LandingEntity.PAYMENTS),
    NULLED_ORDER_APPROVED_AT("nulled_order_approved_at", LandingEntity.ORDERS),
    NULLED_ORDER_DELIVERED_TIMESTAMP("nulled_order_delivered_timestamp", LandingEntity.ORDERS),
    NULLED_ORDER_ESTIMATED_DELIVERY_DATE("nulled_order_estimated_delivery_date", LandingEntity.ORDERS),
    NULLED_PRODUCT_WEIGHT_G("nulled_product_weight_g", LandingEntity.PRODUCTS),
    NULLED_PRODUCT_LENGTH_CM("nulled_product_length_cm", LandingEntity.PRODUCTS),
    NULLED_PRODUCT_HEIGHT_CM("nulled_product_height_cm", LandingEntity.PRODUCTS),
    NULLED_PRODUCT_WIDTH_CM("nulled_product_width_cm", LandingEntity.PRODUCTS),
    NULLED_CUSTOMER_ZIP_CODE_PREFIX("nulled_customer_zip_code_prefix", LandingEntity.CUSTOMERS),
    UNKNOWN_STATUS("unknown_status", LandingEntity.ORDERS),
    /** An extra order item line whose order is never sent. */
    ORPHAN_ORDER_ITEMS("orphan_order_items", LandingEntity.ORDER_ITEMS),
    /** An extra payment line whose order is never sent. */
    ORPHAN_PAYMENTS("orphan_payments", LandingEntity.PAYMENTS),
    /** An order item of a real order whose product is never sent. */
    UNKNOWN_PRODUCT("unknown_product", LandingEntity.ORDER_ITEMS);

    private final String key;
    private final Set<LandingEntity> entities;

    DefectKind(String key, LandingEntity entity)
    {
        this(key, Set.of(entity));
    }

    DefectKind(String key, Set<LandingEntity> entities)
    {
        this.key = key;
        this.entities = entities;
    }

    /** The name used in {@link GenerationReport#defectsPerKind()}, matching the pipeline's rule names. */
    public String key()
    {
        return key;
    }

    public boolean appliesTo(LandingEntity entity)
    {
        return entities.contains(entity);
    }

    /** True for kinds that add a new line instead of changing an existing one. */
    public boolean addsLine()
    {
        return this == ORPHAN_ORDER_ITEMS || this == ORPHAN_PAYMENTS;
    }

    /** The kinds that change an existing line of the entity (what a random defect on that line may be). */
    public static List<DefectKind> lineDefectsOf(LandingEntity entity)
    {
        return Arrays.stream(values())
                .filter(kind -> kind.appliesTo(entity) && !kind.addsLine())
                .toList();
    }
}
