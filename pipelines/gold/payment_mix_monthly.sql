-- gold.payment_mix_monthly: one row per payment type and month with at least one order paid that way.
-- payments, payment_value and avg_installments cover the payments of revenue orders only.
SELECT
  p.payment_type,
  f.year,
  f.month,
  count_if(f.is_revenue)                                                                  AS payments,
  CAST(coalesce(sum(CASE WHEN f.is_revenue THEN p.payment_value END), 0) AS DECIMAL(12,2)) AS payment_value,
  avg(CASE WHEN f.is_revenue THEN CAST(p.payment_installments AS DOUBLE) END)             AS avg_installments
FROM silver.payments p
JOIN gold.order_facts f ON p.order_id = f.order_id
GROUP BY p.payment_type, f.year, f.month
