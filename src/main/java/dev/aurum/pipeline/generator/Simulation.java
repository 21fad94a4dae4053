package dev.aurum.pipeline.generator;

import dev.aurum.pipeline.generator.BrazilianStates.State;
import dev.aurum.pipeline.generator.ProductCategories.Category;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static dev.aurum.pipeline.generator.Randoms.below;
import static dev.aurum.pipeline.generator.Randoms.between;
import static dev.aurum.pipeline.generator.Randoms.chance;
import static dev.aurum.pipeline.generator.Randoms.hexId;
import static dev.aurum.pipeline.generator.Randoms.logNormal;
import static dev.aurum.pipeline.generator.Randoms.poisson;
import static dev.aurum.pipeline.generator.Randoms.weighted;
import static java.util.Objects.requireNonNull;

/**
 * The in-memory shop behind the sample data, simulated one day at a time from the original start date. Each day
 * draws from its own random stream ({@code mix(seed, dayIndex)}), and nothing depends on how many days are
 * simulated, so 3 days and then 2 more give exactly the lines of 5 days at once.
 *
 * <p>Not thread-safe; call {@link #simulateDay(int)} with day indexes 0, 1, 2, ... in order.
 */
final class Simulation
{
    /** Orders over the first 730 days at scale 1, the size of the public Olist data. */
    static final double ORDERS_AT_SCALE_ONE = 100_000;
    static final int NORMALISATION_DAYS = 730;
    /** Days 0..2 get at least this many orders, so every defect kind has lines to land on at small scales. */
    static final int MINIMUM_ORDERS_ON_FIRST_DAYS = 6;
    static final int FIRST_DAYS = 3;
    static final LandingEntity REORDERED_HEADER_ENTITY = LandingEntity.CUSTOMERS;
    static final int REORDERED_HEADER_DAY_INDEX = 2;
    static final double RETURNING_CUSTOMER_SHARE = 0.06;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final double[] HOUR_WEIGHTS = Randoms.cumulative(
            2.5, 1.1, 0.5, 0.3, 0.2, 0.2, 0.5, 1.2, 3.0, 4.8, 6.2, 6.6, 6.0, 6.6, 6.7, 6.4, 6.7, 6.1, 5.8, 6.1, 6.3, 6.2, 5.8, 4.0);
    private static final double[] MONTH_FACTORS = {0.78, 0.80, 0.90, 0.92, 1.00, 0.96, 1.00, 1.04, 1.00, 1.08, 1.28, 1.20};
    private static final double[] ITEM_COUNT_WEIGHTS = Randoms.cumulative(90.0, 7.0, 2.0, 0.7, 0.3);
    private static final double[] INSTALLMENT_WEIGHTS = Randoms.cumulative(50, 12, 10, 7, 5, 4, 2, 5, 1, 4);
    private static final String[] PAYMENT_TYPES = {"credit_card", "boleto", "debit_card", "voucher"};
    private static final double[] PAYMENT_TYPE_WEIGHTS = Randoms.cumulative(75.0, 19.5, 1.5, 4.0);
    private static final String[] SALES_CHANNELS = {"web", "app", "marketplace"};
    private static final double[] SALES_CHANNEL_WEIGHTS = Randoms.cumulative(55, 35, 10);
    private static final List<LandingEntity> FORCED_DEFECT_ENTITY_ORDER = List.of(
            LandingEntity.PRODUCTS, LandingEntity.ORDER_ITEMS, LandingEntity.PAYMENTS, LandingEntity.ORDERS, LandingEntity.CUSTOMERS);
    private static final String[] FIRST_STEP_STATUSES = {"approved", "invoiced", "processing"};

    private final double scale;
    private final long seed;
    private final double defectRate;
    private final LocalDate origin;
    private final double ordersPerUnitDemand;

    private final double[] stateWeights;
    private final double[][] cityWeights;
    private final double[] categoryWeights;

    private final List<String> sellers = new ArrayList<>();
    private final List<List<Product>> productsByCategory = new ArrayList<>();
    private final ArrayDeque<Customer> registeredWithoutOrder = new ArrayDeque<>();
    private final List<Customer> customersWithOrders = new ArrayList<>();
    private final Map<Integer, List<OrderDrop>> scheduledDrops = new HashMap<>();
    private final Map<Integer, List<ResentLine>> scheduledResends = new HashMap<>();
    private final Set<DefectKind> defectsNotYetSeen = EnumSet.allOf(DefectKind.class);
    private final Set<OddStatus> oddStatusesNotYetSeen = EnumSet.allOf(OddStatus.class);
    private boolean anyCustomerMoved;
    private int nextDayIndex;

    Simulation(double scale, long seed, double defectRate, LocalDate origin)
    {
        this.scale = scale;
        this.seed = seed;
        this.defectRate = defectRate;
        this.origin = requireNonNull(origin, "origin is null");
        this.stateWeights = Randoms.cumulative(BrazilianStates.STATES.stream().mapToDouble(State::weight).toArray());
        this.cityWeights = new double[BrazilianStates.STATES.size()][];
        for (int i = 0; i < cityWeights.length; i++) {
            int cities = BrazilianStates.STATES.get(i).cities().size();
            double[] weights = new double[cities];
            for (int city = 0; city < cities; city++) {
                // the capital dominates, then a long tail
                weights[city] = city == 0 ? 4.0 : 1.0 / city;
            }
            cityWeights[i] = Randoms.cumulative(weights);
        }
        this.categoryWeights = Randoms.cumulative(ProductCategories.CATEGORIES.stream().mapToDouble(Category::weight).toArray());
        for (int i = 0; i < ProductCategories.CATEGORIES.size(); i++) {
            productsByCategory.add(new ArrayList<>());
        }
        double demand = 0;
        for (int day = 0; day < NORMALISATION_DAYS; day++) {
            demand += relativeDemand(day);
        }
        this.ordersPerUnitDemand = ORDERS_AT_SCALE_ONE * scale / demand;
    }

    LocalDate origin()
    {
        return origin;
    }

    /** Expected orders on a day: growth over time times the calendar's season, weekday and Black Friday. */
    double expectedOrders(int dayIndex)
    {
        return ordersPerUnitDemand * relativeDemand(dayIndex);
    }

    private double relativeDemand(int dayIndex)
    {
        LocalDate date = origin.plusDays(dayIndex);
        double growth = 1 + 0.55 * dayIndex / 365.0;
        double weekday = switch (date.getDayOfWeek()) {
            case MONDAY, TUESDAY -> 1.08;
            case WEDNESDAY, THURSDAY -> 1.04;
            case FRIDAY -> 0.98;
            case SATURDAY -> 0.88;
            case SUNDAY -> 0.90;
        };
        return growth * MONTH_FACTORS[date.getMonthValue() - 1] * weekday * blackFridayFactor(date);
    }

    /** The late-November spike: Black Friday (the fourth Friday of November) through Cyber Monday, and its run-up. */
    static double blackFridayFactor(LocalDate date)
    {
        if (date.getMonth() != Month.NOVEMBER) {
            return 1;
        }
        LocalDate blackFriday = date.withDayOfMonth(1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.FRIDAY));
        long fromBlackFriday = ChronoUnit.DAYS.between(blackFriday, date);
        if (fromBlackFriday == 0) {
            return 4.0;
        }
        if (fromBlackFriday >= -1 && fromBlackFriday <= 3) {
            return 2.0;
        }
        if (fromBlackFriday >= -8 && fromBlackFriday < -1) {
            return 1.3;
        }
        return 1;
    }

    DayOutput simulateDay(int dayIndex)
    {
        if (dayIndex != nextDayIndex) {
            throw new IllegalStateException("days must be simulated in order: expected day index " + nextDayIndex + ", got " + dayIndex);
        }
        nextDayIndex++;
        SplittableRandom random = new SplittableRandom(Randoms.mix(seed, dayIndex));
        DayOutput day = new DayOutput(dayIndex, origin.plusDays(dayIndex));
        if (dayIndex == 0) {
            openShop(random, day);
        }
        for (int i = poisson(random, scale * 3.5); i > 0; i--) {
            sellers.add(hexId(random));
        }
        for (int i = poisson(random, scale * 32); i > 0; i--) {
            newProduct(random, day, weightedCategory(random));
        }
        double expectedOrders = expectedOrders(dayIndex);
        for (int i = poisson(random, 0.4 * expectedOrders); i > 0; i--) {
            registeredWithoutOrder.add(newCustomer(random, day));
        }
        emitScheduledDrops(day);
        placeOrders(random, day, expectedOrders);
        moveCustomers(random, day);
        emitScheduledResends(day);
        if (defectRate > 0) {
            injectRandomDefects(random, day);
            injectMissingDefectKinds(random, day);
            writeOddStatuses(random, day);
        }
        return day;
    }

    private void openShop(SplittableRandom random, DayOutput day)
    {
        int sellerCount = (int) Math.max(5, Math.round(scale * 800));
        for (int i = 0; i < sellerCount; i++) {
            sellers.add(hexId(random));
        }
        int productCount = (int) Math.max(2L * ProductCategories.CATEGORIES.size(), Math.round(scale * 9000));
        for (int category = 0; category < ProductCategories.CATEGORIES.size(); category++) {
            newProduct(random, day, category);
        }
        for (int i = ProductCategories.CATEGORIES.size(); i < productCount; i++) {
            newProduct(random, day, weightedCategory(random));
        }
    }

    private int weightedCategory(SplittableRandom random)
    {
        return weighted(random, categoryWeights);
    }

    private void newProduct(SplittableRandom random, DayOutput day, int categoryIndex)
    {
        Category category = ProductCategories.CATEGORIES.get(categoryIndex);
        double price = Math.min(category.maxPrice(), Math.max(category.minPrice(), logNormal(random, category.medianPrice(), 0.6)));
        int weightGrams = (int) Math.max(50, Math.round(logNormal(random, category.medianWeightGrams(), 0.8) / 50) * 50);
        double side = Math.cbrt(weightGrams / 0.25);
        int length = (int) Math.max(11, Math.round(side * (0.8 + 0.6 * random.nextDouble())));
        int height = (int) Math.max(2, Math.round(side * (0.4 + 0.6 * random.nextDouble())));
        int width = (int) Math.max(8, Math.round(side * (0.6 + 0.6 * random.nextDouble())));
        Product product = new Product(hexId(random), categoryIndex, Math.round(price * 100), weightGrams, sellers.get(below(random, sellers.size())));
        productsByCategory.get(categoryIndex).add(product);
        day.add(LandingEntity.PRODUCTS, product.id, category.name(), Integer.toString(weightGrams), Integer.toString(length), Integer.toString(height), Integer.toString(width));
    }

    private Customer newCustomer(SplittableRandom random, DayOutput day)
    {
        int stateIndex = weighted(random, stateWeights);
        State state = BrazilianStates.STATES.get(stateIndex);
        Customer customer = new Customer(hexId(random), day.dayIndex());
        customer.state = stateIndex;
        customer.city = state.cities().get(weighted(random, cityWeights[stateIndex]));
        customer.zip = zip(random, state);
        emitCustomer(day, customer);
        return customer;
    }

    private static String zip(SplittableRandom random, State state)
    {
        String zip = Integer.toString(between(random, state.zipFrom(), state.zipTo()));
        return "0".repeat(5 - zip.length()) + zip;
    }

    private static void emitCustomer(DayOutput day, Customer customer)
    {
        day.add(LandingEntity.CUSTOMERS, customer.id, customer.zip, customer.city, BrazilianStates.STATES.get(customer.state).code());
    }

    private void placeOrders(SplittableRandom random, DayOutput day, double expectedOrders)
    {
        int count = poisson(random, expectedOrders);
        if (day.dayIndex() < FIRST_DAYS) {
            count = Math.max(count, MINIMUM_ORDERS_ON_FIRST_DAYS);
        }
        long[] secondsOfDay = new long[count];
        for (int i = 0; i < count; i++) {
            secondsOfDay[i] = weighted(random, HOUR_WEIGHTS) * 3600L + below(random, 3600);
        }
        Arrays.sort(secondsOfDay);
        LocalDateTime midnight = day.date().atStartOfDay();
        for (long second : secondsOfDay) {
            placeOrder(random, day, midnight.plusSeconds(second));
        }
    }

    private void placeOrder(SplittableRandom random, DayOutput day, LocalDateTime purchase)
    {
        Customer customer;
        if (!customersWithOrders.isEmpty() && chance(random, RETURNING_CUSTOMER_SHARE)) {
            customer = customersWithOrders.get(below(random, customersWithOrders.size()));
        }
        else {
            customer = !registeredWithoutOrder.isEmpty() && chance(random, 0.7) ? registeredWithoutOrder.pollFirst() : newCustomer(random, day);
            customersWithOrders.add(customer);
        }
        State state = BrazilianStates.STATES.get(customer.state);
        Order order = new Order(hexId(random), customer.id, purchase, SALES_CHANNELS[weighted(random, SALES_CHANNEL_WEIGHTS)]);

        // items: mostly one; multi-item orders often repeat the same product
        int itemCount = 1 + weighted(random, ITEM_COUNT_WEIGHTS);
        Product product = pickProduct(random);
        long totalCents = 0;
        for (int item = 1; item <= itemCount; item++) {
            if (item > 1 && chance(random, 0.4)) {
                product = pickProduct(random);
            }
            double distance = (state.deliveryDays() - 8) / 3.0;
            double freight = (6 + product.weightGrams / 1000.0 * 1.6 + distance * 2.2) * (0.85 + 0.3 * random.nextDouble());
            long freightCents = Math.round(freight * 100);
            totalCents += product.priceCents + freightCents;
            day.add(LandingEntity.ORDER_ITEMS, order.id, Integer.toString(item), product.id, product.sellerId, money(product.priceCents), money(freightCents));
        }
        String primaryPaymentType = pay(random, day, order.id, totalCents);
        if (chance(random, defectRate * 0.25)) {
            day.lines(LandingEntity.ORDER_ITEMS).add(orphanItem(random));
        }
        if (chance(random, defectRate * 0.25)) {
            day.lines(LandingEntity.PAYMENTS).add(orphanPayment(random));
        }
        planLifecycle(random, day, order, state, primaryPaymentType);
    }

    private Product pickProduct(SplittableRandom random)
    {
        List<Product> products = productsByCategory.get(weightedCategory(random));
        return products.get(below(random, products.size()));
    }

    /** Writes the payments of an order; returns the type of the largest one. */
    private String pay(SplittableRandom random, DayOutput day, String orderId, long totalCents)
    {
        List<String> types = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        if (chance(random, 0.035) && totalCents >= 200) {
            // split: one to three vouchers, the rest by credit card (or a last voucher)
            int vouchers = between(random, 1, 3);
            long remaining = totalCents;
            for (int i = 0; i < vouchers && remaining > 100; i++) {
                long value = Math.max(100, Math.min(remaining - 100, Math.round(totalCents * 0.5 * random.nextDouble())));
                types.add("voucher");
                values.add(value);
                remaining -= value;
            }
            types.add(chance(random, 0.75) ? "credit_card" : "voucher");
            values.add(remaining);
        }
        else {
            types.add(PAYMENT_TYPES[weighted(random, PAYMENT_TYPE_WEIGHTS)]);
            values.add(totalCents);
        }
        String primary = types.get(0);
        long largest = -1;
        for (int i = 0; i < types.size(); i++) {
            int installments = types.get(i).equals("credit_card") ? 1 + weighted(random, INSTALLMENT_WEIGHTS) : 1;
            day.add(LandingEntity.PAYMENTS, orderId, Integer.toString(i + 1), types.get(i), Integer.toString(installments), money(values.get(i)));
            if (values.get(i) > largest) {
                largest = values.get(i);
                primary = types.get(i);
            }
        }
        return primary;
    }

    /**
     * Draws the order's fate and timeline, writes its first drop (its status at the end of today) and schedules a
     * re-drop on every later day its status changes.
     */
    private void planLifecycle(SplittableRandom random, DayOutput day, Order order, State state, String paymentType)
    {
        LocalDateTime purchase = order.purchase;
        long approvalMinutes = switch (paymentType) {
            case "boleto" -> between(random, 18 * 60, 72 * 60);
            case "credit_card" -> chance(random, 0.9) ? between(random, 2, 90) : between(random, 60, 30 * 60);
            default -> between(random, 1, 40);
        };
        order.approvedAt = purchase.plusMinutes(approvalMinutes).withNano(0).plusSeconds(below(random, 60));
        String approvalStatus = FIRST_STEP_STATUSES[below(random, FIRST_STEP_STATUSES.length)];
        double fate = random.nextDouble();
        LocalDateTime shippedAt = order.approvedAt.plusHours(chance(random, 0.15) ? between(random, 1, 8) : between(random, 20, 110)).plusMinutes(below(random, 60));
        int deliveryDays = (int) Math.max(1, Math.round(logNormal(random, state.deliveryDays() * 0.85, 0.45)));
        LocalDateTime deliveredAt = purchase.toLocalDate().plusDays(deliveryDays).atTime(between(random, 8, 20), below(random, 60), below(random, 60));
        if (!deliveredAt.isAfter(shippedAt.plusHours(12))) {
            deliveredAt = shippedAt.toLocalDate().plusDays(1).atTime(between(random, 8, 20), below(random, 60), below(random, 60));
        }
        order.estimatedDelivery = purchase.toLocalDate().plusDays(Math.round(state.deliveryDays() * 1.55) + between(random, 0, 6));

        List<OrderDrop> timeline = new ArrayList<>();
        if (fate < 0.006) {
            LocalDateTime canceledAt = purchase.plusHours(between(random, 1, 96));
            if (canceledAt.isBefore(order.approvedAt)) {
                order.approvedAt = null;
            }
            else {
                timeline.add(new OrderDrop(order, approvalStatus, order.approvedAt));
            }
            timeline.add(new OrderDrop(order, "canceled", canceledAt));
        }
        else {
            timeline.add(new OrderDrop(order, approvalStatus, order.approvedAt));
            if (fate < 0.012) {
                timeline.add(new OrderDrop(order, "unavailable", order.approvedAt.plusHours(between(random, 24, 120))));
            }
            else if (fate >= 0.015) {
                // below 0.015: stuck in processing, never moves on
                timeline.add(new OrderDrop(order, "shipped", shippedAt));
                if (fate >= 0.026) {
                    order.deliveredAt = deliveredAt;
                    timeline.add(new OrderDrop(order, "delivered", deliveredAt));
                }
                // else lost in transit: stays shipped
            }
        }

        OrderDrop firstDrop = new OrderDrop(order, "created", purchase);
        Map<Integer, OrderDrop> laterDrops = new LinkedHashMap<>();
        for (OrderDrop drop : timeline) {
            int dropDay = (int) ChronoUnit.DAYS.between(origin, drop.time.toLocalDate());
            if (dropDay <= day.dayIndex()) {
                firstDrop = drop;
            }
            else {
                laterDrops.put(dropDay, drop);
            }
        }
        emitOrder(day, firstDrop);
        laterDrops.forEach((dropDay, drop) -> scheduledDrops.computeIfAbsent(dropDay, ignored -> new ArrayList<>()).add(drop));
    }

    private void emitScheduledDrops(DayOutput day)
    {
        List<OrderDrop> drops = scheduledDrops.remove(day.dayIndex());
        if (drops != null) {
            drops.forEach(drop -> emitOrder(day, drop));
        }
    }

    private static void emitOrder(DayOutput day, OrderDrop drop)
    {
        Order order = drop.order;
        String approvedAt = order.approvedAt != null && !order.approvedAt.isAfter(drop.time) ? TIMESTAMP.format(order.approvedAt) : "";
        String deliveredAt = drop.status.equals("delivered") ? TIMESTAMP.format(order.deliveredAt) : "";
        String purchase = TIMESTAMP.format(order.purchase);
        String estimated = order.estimatedDelivery.toString();
        if (day.dayIndex() >= LandingEntity.SALES_CHANNEL_FROM_DAY_INDEX) {
            day.add(LandingEntity.ORDERS, order.id, order.customerId, drop.status, purchase, approvedAt, deliveredAt, estimated, order.salesChannel);
        }
        else {
            day.add(LandingEntity.ORDERS, order.id, order.customerId, drop.status, purchase, approvedAt, deliveredAt, estimated);
        }
    }

    /** Some customers move: their row arrives again with a new city (and sometimes a new state). */
    private void moveCustomers(SplittableRandom random, DayOutput day)
    {
        int moves = poisson(random, Math.max(0.02, scale * 4));
        if (!anyCustomerMoved && day.dayIndex() >= 2) {
            moves = Math.max(moves, 1);
        }
        int attemptsLeft = moves + 20;
        while (moves > 0 && attemptsLeft > 0 && !customersWithOrders.isEmpty()) {
            attemptsLeft--;
            Customer customer = customersWithOrders.get(below(random, customersWithOrders.size()));
            if (customer.moved || customer.registeredDayIndex >= day.dayIndex()) {
                continue;
            }
            moves--;
            int stateIndex = chance(random, 0.7) ? customer.state : weighted(random, stateWeights);
            State state = BrazilianStates.STATES.get(stateIndex);
            String city = state.cities().get(weighted(random, cityWeights[stateIndex]));
            if (stateIndex == customer.state && city.equals(customer.city)) {
                city = state.cities().get((state.cities().indexOf(city) + 1) % state.cities().size());
                if (city.equals(customer.city)) {
                    stateIndex = (stateIndex + 1) % BrazilianStates.STATES.size();
                    state = BrazilianStates.STATES.get(stateIndex);
                    city = state.cities().get(0);
                }
            }
            customer.state = stateIndex;
            customer.city = city;
            customer.zip = zip(random, state);
            customer.moved = true;
            anyCustomerMoved = true;
            emitCustomer(day, customer);
        }
    }

    private void emitScheduledResends(DayOutput day)
    {
        List<ResentLine> resends = scheduledResends.remove(day.dayIndex());
        if (resends != null) {
            for (ResentLine resend : resends) {
                day.lines(resend.entity).add(Line.defective(resend.fields, DefectKind.DUPLICATE_RESENT));
                defectsNotYetSeen.remove(DefectKind.DUPLICATE_RESENT);
            }
        }
    }

    private void injectRandomDefects(SplittableRandom random, DayOutput day)
    {
        for (LandingEntity entity : LandingEntity.values()) {
            List<DefectKind> kinds = DefectKind.lineDefectsOf(entity);
            List<Line> lines = day.lines(entity);
            int originalSize = lines.size();
            for (int i = 0; i < originalSize; i++) {
                Line line = lines.get(i);
                if (line.isClean() && chance(random, defectRate)) {
                    applyDefect(random, day, entity, line, kinds.get(below(random, kinds.size())));
                }
            }
        }
    }

    /**
     * While the rate has not yet produced some kind, force one on a suitable line, from day 0 on, so that every kind
     * appears within the first days even at small scales. Kinds that fit any entity go to products first: a lost
     * product row only makes its items' category unknown.
     */
    private void injectMissingDefectKinds(SplittableRandom random, DayOutput day)
    {
        for (DefectKind kind : List.copyOf(defectsNotYetSeen)) {
            if (kind == DefectKind.ORPHAN_ORDER_ITEMS) {
                day.lines(LandingEntity.ORDER_ITEMS).add(orphanItem(random));
            }
            else if (kind == DefectKind.ORPHAN_PAYMENTS) {
                day.lines(LandingEntity.PAYMENTS).add(orphanPayment(random));
            }
            else if (!forceDefect(random, day, kind, true)) {
                forceDefect(random, day, kind, false);
            }
        }
    }

    private boolean forceDefect(SplittableRandom random, DayOutput day, DefectKind kind, boolean preferNaturalLine)
    {
        for (LandingEntity entity : FORCED_DEFECT_ENTITY_ORDER) {
            if (!kind.appliesTo(entity)) {
                continue;
            }
            List<Line> candidates = day.lines(entity).stream()
                    .filter(line -> line.isClean() && (!preferNaturalLine || readsNaturally(kind, line)))
                    .toList();
            if (!candidates.isEmpty()) {
                applyDefect(random, day, entity, candidates.get(below(random, candidates.size())), kind);
                return true;
            }
        }
        return false;
    }

    /** A garbled approval or delivery timestamp reads naturally on a line that has one. */
    private static boolean readsNaturally(DefectKind kind, Line line)
    {
        return switch (kind) {
            case NULLED_ORDER_APPROVED_AT -> !line.field(4).isEmpty();
            case NULLED_ORDER_DELIVERED_TIMESTAMP -> !line.field(5).isEmpty();
            default -> true;
        };
    }

    private void applyDefect(SplittableRandom random, DayOutput day, LandingEntity entity, Line line, DefectKind kind)
    {
        defectsNotYetSeen.remove(kind);
        switch (kind) {
            case DUPLICATE_IN_FILE -> {
                line.lock();
                day.lines(entity).add(Line.defective(line.copyOfFields(), kind));
                return;
            }
            case DUPLICATE_RESENT -> {
                line.lock();
                scheduledResends.computeIfAbsent(day.dayIndex() + 1, ignored -> new ArrayList<>()).add(new ResentLine(entity, line.copyOfFields()));
                return;
            }
            case MALFORMED_TOO_FEW_FIELDS, MALFORMED_TOO_MANY_FIELDS -> {
                // the field count changes when the line is written
            }
            case MISSING_KEY -> {
                boolean compositeKey = entity == LandingEntity.ORDER_ITEMS || entity == LandingEntity.PAYMENTS;
                line.set(compositeKey && chance(random, 0.5) ? 1 : 0, chance(random, 0.5) ? "" : "  ");
            }
            case INVALID_ORDER_PURCHASE_TIMESTAMP -> line.set(3, pick(random, "31/12/2017 10:15:00", "yesterday", "2017-07-15T25:61"));
            case INVALID_ORDER_ITEM_ID -> line.set(1, pick(random, "-1", "first", "1a"));
            case INVALID_PRICE -> line.set(4, invalidMoney(random, line.field(4)));
            case INVALID_SHIPPING_CHARGES -> line.set(5, invalidMoney(random, line.field(5)));
            case INVALID_PAYMENT_SEQUENTIAL -> line.set(1, pick(random, "-1", "one", "#2"));
            case INVALID_PAYMENT_INSTALLMENTS -> line.set(3, pick(random, "-2", "two", "x"));
            case INVALID_PAYMENT_VALUE -> line.set(4, invalidMoney(random, line.field(4)));
            case NULLED_ORDER_APPROVED_AT -> line.set(4, pick(random, "n/a", "31/12/2017 14:03:00", "soon"));
            case NULLED_ORDER_DELIVERED_TIMESTAMP -> line.set(5, pick(random, "n/a", "31/12/2017 14:03:00", "delivered"));
            case NULLED_ORDER_ESTIMATED_DELIVERY_DATE -> line.set(6, pick(random, "n/a", "31/12/2017", "next week"));
            case NULLED_PRODUCT_WEIGHT_G -> line.set(2, pick(random, "n/a", line.field(2) + "g", "heavy"));
            case NULLED_PRODUCT_LENGTH_CM -> line.set(3, pick(random, "n/a", line.field(3) + "cm", "?"));
            case NULLED_PRODUCT_HEIGHT_CM -> line.set(4, pick(random, "n/a", line.field(4) + "cm", "?"));
            case NULLED_PRODUCT_WIDTH_CM -> line.set(5, pick(random, "n/a", line.field(5) + "cm", "?"));
            case NULLED_CUSTOMER_ZIP_CODE_PREFIX -> line.set(1, pick(random, "n/a", "ABCDE", line.field(1).replace('1', 'l') + "x"));
            case UNKNOWN_STATUS -> line.set(2, "lost");
            case UNKNOWN_PRODUCT -> line.set(2, hexId(random));
            case ORPHAN_ORDER_ITEMS, ORPHAN_PAYMENTS -> throw new IllegalArgumentException("orphans are new lines, not changes: " + kind);
        }
        line.markDefect(kind);
    }

    private static String invalidMoney(SplittableRandom random, String value)
    {
        return switch (below(random, 3)) {
            case 0 -> "-" + value;
            case 1 -> value.replace('.', ',');
            default -> "R$ " + value;
        };
    }

    private static String pick(SplittableRandom random, String... values)
    {
        return values[below(random, values.length)];
    }

    private Line orphanItem(SplittableRandom random)
    {
        Product product = pickProduct(random);
        long freightCents = between(random, 700, 4000);
        defectsNotYetSeen.remove(DefectKind.ORPHAN_ORDER_ITEMS);
        return Line.defective(new String[] {hexId(random), "1", product.id, product.sellerId, money(product.priceCents), money(freightCents)}, DefectKind.ORPHAN_ORDER_ITEMS);
    }

    private Line orphanPayment(SplittableRandom random)
    {
        long cents = between(random, 1000, 50000);
        defectsNotYetSeen.remove(DefectKind.ORPHAN_PAYMENTS);
        return Line.defective(new String[] {hexId(random), "1", "credit_card", Integer.toString(between(random, 1, 10)), money(cents)}, DefectKind.ORPHAN_PAYMENTS);
    }

    /** Valid statuses in odd case or with stray spaces (" Delivered", "SHIPPED"): the pipeline must accept them. */
    private void writeOddStatuses(SplittableRandom random, DayOutput day)
    {
        for (Line line : day.lines(LandingEntity.ORDERS)) {
            if (!line.isClean()) {
                continue;
            }
            OddStatus odd = null;
            if (chance(random, defectRate)) {
                odd = OddStatus.values()[below(random, OddStatus.values().length)];
            }
            else if (!oddStatusesNotYetSeen.isEmpty()) {
                odd = oddStatusesNotYetSeen.iterator().next();
            }
            if (odd != null) {
                oddStatusesNotYetSeen.remove(odd);
                line.set(2, odd.write(line.field(2)));
            }
        }
    }

    private static String money(long cents)
    {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private enum OddStatus
    {
        LEADING_SPACE_CAPITALISED,
        UPPER_CASE,
        TRAILING_SPACE;

        String write(String status)
        {
            String capitalised = Character.toUpperCase(status.charAt(0)) + status.substring(1);
            return switch (this) {
                case LEADING_SPACE_CAPITALISED -> " " + capitalised;
                case UPPER_CASE -> status.toUpperCase(Locale.ROOT);
                case TRAILING_SPACE -> status + " ";
            };
        }
    }

    private static final class Customer
    {
        final String id;
        final int registeredDayIndex;
        int state;
        String city;
        String zip;
        boolean moved;

        Customer(String id, int registeredDayIndex)
        {
            this.id = id;
            this.registeredDayIndex = registeredDayIndex;
        }
    }

    private record Product(String id, int category, long priceCents, int weightGrams, String sellerId) {}

    private static final class Order
    {
        final String id;
        final String customerId;
        final LocalDateTime purchase;
        final String salesChannel;
        LocalDateTime approvedAt;
        LocalDateTime deliveredAt;
        LocalDate estimatedDelivery;

        Order(String id, String customerId, LocalDateTime purchase, String salesChannel)
        {
            this.id = id;
            this.customerId = customerId;
            this.purchase = purchase;
            this.salesChannel = salesChannel;
        }
    }

    /** An order's row as of one status change. */
    private record OrderDrop(Order order, String status, LocalDateTime time) {}

    private record ResentLine(LandingEntity entity, String[] fields) {}
}
