-- Silver members: the type is trimmed and lower-cased.
SELECT
  nullif(trim(member_id), '')                               AS member_id,
  nullif(lower(trim(member_type)), '')                      AS member_type,
  nullif(trim(home_branch_id), '')                          AS home_branch_id,
  to_date(nullif(trim(joined_date), ''), '${date_format}')  AS joined_date,
  _bronze
FROM bronze_batch
