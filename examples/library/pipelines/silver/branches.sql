-- Silver branches from one Bronze batch (view bronze_batch: every column text). Keep _bronze (the original row).
SELECT
  nullif(trim(branch_id), '')   AS branch_id,
  nullif(trim(branch_name), '') AS branch_name,
  nullif(trim(district), '')    AS district,
  _bronze
FROM bronze_batch
