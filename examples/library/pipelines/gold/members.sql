-- gold.members: one row per member, with the home branch's name and what they borrowed.
SELECT
  m.member_id,
  m.member_type,
  br.branch_name                                                  AS home_branch,
  m.joined_date,
  year(m.joined_date)                                             AS joined_year,
  count(l.loan_id)                                                AS loans,
  CAST(coalesce(sum(l.fine_amount), 0) AS DECIMAL(12,2))          AS fines_paid
FROM silver.members m
LEFT JOIN silver.branches br ON m.home_branch_id = br.branch_id
LEFT JOIN silver.loans l ON l.member_id = m.member_id
GROUP BY m.member_id, m.member_type, br.branch_name, m.joined_date
