-- Silver books: the genre is trimmed and lower-cased.
SELECT
  nullif(trim(book_id), '')                                                                AS book_id,
  nullif(trim(title), '')                                                                  AS title,
  nullif(trim(author), '')                                                                 AS author,
  nullif(lower(trim(genre)), '')                                                           AS genre,
  CAST(CASE WHEN trim(publication_year) RLIKE '^[0-9]{4}$' THEN trim(publication_year) END AS INT) AS publication_year,
  _bronze
FROM bronze_batch
