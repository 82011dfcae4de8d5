package com.miniamazon.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQL of a product search, built from {@link SearchCriteria} with every value as a bind parameter. Kept
 * apart from the repository so that the search benchmark runs exactly this SQL.
 *
 * <p>Matching: a product matches when its lower-cased name has whole words similar to the query (pg_trgm's strict
 * word similarity, {@code <<%}, which tolerates typos such as "labtop" but, unlike plain word similarity, does not
 * let "mous" match every word starting with "mo") or contains the query as typed. Both are served by the trigram
 * index {@code product_name_trgm_idx}. Relevance: strict word similarity, plus a bonus when the name starts with or
 * contains the query as typed, so exact hits come before near misses.
 *
 * <p>With words, counting stops after {@link #COUNT_CAP}: "100+ found" is all a shopper needs, and an exact count
 * of a broad query would cost more than the page itself. Browsing without words counts exactly.
 */
public final class SearchSql {

    /**
     * How similar the words must be to match. 0.35 lets "labtop" (0.4 to "laptop") through and keeps "lamp" (0.29)
     * out; set per transaction with {@link #SET_THRESHOLD}.
     */
    public static final String WORD_SIMILARITY_THRESHOLD = "0.35";

    public static final String SET_THRESHOLD = "select set_config('pg_trgm.strict_word_similarity_threshold', '"
            + WORD_SIMILARITY_THRESHOLD + "', true)";

    /** With words, the count query counts at most one more than this. */
    public static final int COUNT_CAP = 100;

    private static final String COLUMNS = """
            p.id, p.name, p.description, p.price, c.name as category_name, a.display_name,
            p.rating_count, p.rating_total""";

    private final String where;
    private final String orderBy;
    private final Map<String, Object> parameters;
    private final boolean capped;

    private SearchSql(String where, String orderBy, Map<String, Object> parameters, boolean capped) {
        this.where = where;
        this.orderBy = orderBy;
        this.parameters = parameters;
        this.capped = capped;
    }

    public static SearchSql of(SearchCriteria criteria) {
        StringBuilder where = new StringBuilder("p.active");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (criteria.hasWords()) {
            where.append(" and (:words <<% lower(p.name) or lower(p.name) like :contains escape '\\')");
            parameters.put("words", criteria.words());
            parameters.put("contains", "%" + escapeLike(criteria.words()) + "%");
        }
        if (criteria.categorySlug() != null) {
            where.append(" and c.slug = :category");
            parameters.put("category", criteria.categorySlug());
        }
        if (criteria.minPrice() != null) {
            where.append(" and p.price >= :minPrice");
            parameters.put("minPrice", criteria.minPrice());
        }
        if (criteria.maxPrice() != null) {
            where.append(" and p.price <= :maxPrice");
            parameters.put("maxPrice", criteria.maxPrice());
        }
        String orderBy = switch (criteria.sort()) {
            case PRICE_ASCENDING -> "p.price asc, p.id";
            case PRICE_DESCENDING -> "p.price desc, p.id";
            case RATING -> "(cast(p.rating_total as float) / greatest(p.rating_count, 1)) desc, p.rating_count desc, p.id";
            case RELEVANCE -> criteria.hasWords()
                    ? "strict_word_similarity(:words, lower(p.name)) + case when lower(p.name) like :prefix escape '\\' "
                            + "then 0.5 when lower(p.name) like :contains escape '\\' then 0.25 else 0 end desc, "
                            + "p.rating_count desc, p.id"
                    : "p.id";
        };
        if (criteria.sort() == SearchCriteria.SortOrder.RELEVANCE && criteria.hasWords()) {
            parameters.put("prefix", escapeLike(criteria.words()) + "%");
        }
        return new SearchSql(where.toString(), orderBy, parameters, criteria.hasWords());
    }

    /** One page of matches, best first; the columns are those of {@link ProductSummary} in order. */
    public String pageQuery() {
        return "select " + COLUMNS + " from product p join category c on c.id = p.category_id"
                + " join account a on a.id = p.seller_id where " + where + " order by " + orderBy
                + " limit :limit offset :offset";
    }

    /** How many products match; with words, at most {@link #COUNT_CAP} + 1. */
    public String countQuery() {
        return "select count(*) from (select 1 from product p join category c on c.id = p.category_id where " + where
                + (capped ? " limit " + (COUNT_CAP + 1) : "") + ") hits";
    }

    /** Whether the count stops at {@link #COUNT_CAP} + 1. */
    public boolean isCountCapped() {
        return capped;
    }

    /** The values of the named parameters of both queries, except {@code limit} and {@code offset}. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** Whether the count query uses the named parameter (ordering-only parameters are not in it). */
    public boolean countUses(String name) {
        return countQuery().contains(":" + name);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
