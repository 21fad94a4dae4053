package dev.aurum.sql;

import java.util.Set;

/**
 * The functions a guarded query may call: aggregates, math, string, date, conditional, conversion and window
 * functions, and small array/struct helpers. Everything else is refused, notably reflection ({@code reflect},
 * {@code java_method}), file and session introspection ({@code input_file_name}, {@code current_user}), user
 * functions, and memory bombs ({@code repeat}, {@code space}, {@code lpad}, {@code rpad}, {@code sequence},
 * {@code array_repeat}), whose result size a row cap cannot bound.
 */
final class AllowedFunctions
{
    private AllowedFunctions() {}

    static final Set<String> NAMES = Set.of(
            // aggregates
            "count", "count_if", "sum", "avg", "mean", "min", "max", "stddev", "stddev_pop", "stddev_samp", "std", "variance", "var_pop",
            "var_samp", "percentile", "percentile_approx", "approx_percentile", "percentile_cont", "percentile_disc", "median", "mode",
            "approx_count_distinct", "first", "first_value", "last", "last_value", "any_value", "collect_list", "collect_set", "array_agg",
            "corr", "covar_pop", "covar_samp", "skewness", "kurtosis", "bool_and", "bool_or", "every", "some", "any", "max_by", "min_by",
            "regr_avgx", "regr_avgy", "regr_count", "regr_intercept", "regr_r2", "regr_slope", "regr_sxx", "regr_sxy", "regr_syy",
            "try_sum", "try_avg", "grouping", "grouping_id", "histogram_numeric",
            // window
            "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "nth_value",
            // math
            "abs", "round", "bround", "ceil", "ceiling", "floor", "sqrt", "cbrt", "exp", "expm1", "ln", "log", "log10", "log2", "log1p", "pow",
            "power", "mod", "pmod", "sign", "signum", "greatest", "least", "rand", "random", "randn", "positive", "negative", "div", "try_add",
            "try_divide", "try_multiply", "try_subtract", "width_bucket", "pi", "e", "degrees", "radians", "sin", "cos", "tan", "cot", "sec",
            "csc", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "hypot", "nanvl", "isnan", "factorial",
            "rint", "bin", "hex", "unhex", "conv", "shiftleft", "shiftright", "bit_count", "bit_and", "bit_or", "bit_xor",
            // string
            "concat", "concat_ws", "lower", "upper", "lcase", "ucase", "initcap", "trim", "ltrim", "rtrim", "btrim", "substring", "substr",
            "left", "right", "length", "len", "char_length", "character_length", "octet_length", "bit_length", "replace", "regexp_replace",
            "regexp_extract", "regexp_extract_all", "regexp_like", "regexp", "rlike", "like", "ilike", "split", "split_part", "instr", "locate",
            "position", "format_number", "format_string", "printf", "contains", "startswith", "endswith", "translate", "reverse", "ascii",
            "chr", "char", "to_char", "to_varchar", "to_number", "try_to_number", "overlay", "soundex", "levenshtein", "md5", "sha", "sha1",
            "sha2", "crc32", "hash", "xxhash64", "base64", "unbase64", "encode", "decode", "elt", "find_in_set", "quote", "mask", "luhn_check",
            "substring_index", "regexp_count", "regexp_instr", "regexp_substr", "url_decode", "url_encode", "to_binary", "try_to_binary",
            // date and time
            "current_date", "current_timestamp", "now", "localtimestamp", "current_timezone", "date_add", "date_sub", "dateadd", "datediff",
            "date_diff", "timestampadd", "timestampdiff", "add_months", "months_between", "date_trunc", "trunc", "date_format", "year",
            "quarter", "month", "day", "dayofmonth", "dayofweek", "dayofyear", "weekday", "weekofyear", "hour", "minute", "second",
            "last_day", "next_day", "to_date", "to_timestamp", "to_timestamp_ntz", "to_timestamp_ltz", "try_to_timestamp", "make_date",
            "make_timestamp", "make_timestamp_ntz", "make_timestamp_ltz", "make_interval", "make_dt_interval", "make_ym_interval",
            "unix_timestamp", "to_unix_timestamp", "from_unixtime", "extract", "date_part", "datepart", "timestamp_seconds",
            "timestamp_millis", "timestamp_micros", "unix_seconds", "unix_millis", "unix_micros", "unix_date", "date_from_unix_date",
            "from_utc_timestamp", "to_utc_timestamp", "window", "session_window", "convert_timezone", "curdate",
            // conditional and null handling
            "coalesce", "if", "iff", "nullif", "nvl", "nvl2", "ifnull", "isnull", "isnotnull", "equal_null", "zeroifnull", "nullifzero",
            "case", "when", "assert_true",
            // conversion (function-style casts)
            "cast", "try_cast", "int", "integer", "bigint", "smallint", "tinyint", "double", "float", "string", "decimal", "date",
            "timestamp", "boolean", "binary", "typeof",
            // arrays, maps and structs (bounded by their input)
            "array", "struct", "named_struct", "map", "size", "cardinality", "array_contains", "element_at", "try_element_at", "explode",
            "explode_outer", "posexplode", "posexplode_outer", "inline", "inline_outer", "array_sort", "sort_array", "array_join",
            "array_distinct", "array_max", "array_min", "array_position", "array_remove", "array_union", "array_intersect", "array_except",
            "arrays_overlap", "array_compact", "array_append", "array_prepend", "array_insert", "array_size", "flatten", "slice",
            "arrays_zip", "map_keys", "map_values", "map_entries", "map_from_arrays", "map_from_entries", "map_contains_key", "str_to_map",
            "get", "transform", "filter", "exists", "forall", "aggregate", "reduce", "zip_with", "get_json_object", "json_tuple",
            "from_json", "to_json", "schema_of_json", "json_array_length", "json_object_keys", "uuid", "monotonically_increasing_id");
}
