-- gold.books: one row per book in the catalogue, with how often it was borrowed.
SELECT
  b.book_id,
  b.title,
  b.author,
  b.genre,
  b.publication_year,
  count(l.loan_id)                                                AS times_borrowed
FROM silver.books b
LEFT JOIN silver.loans l ON l.book_id = b.book_id
GROUP BY b.book_id, b.title, b.author, b.genre, b.publication_year
