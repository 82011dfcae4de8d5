package com.miniamazon.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The SQL of a product search, built from {@link SearchCriteria} with every value as a bind parameter. Kept
 * apart from the repository so that the search benchmark runs exactly this SQL.
 *
 * <p>Matching goes through a dictionary of the words that occur in product names ({@code search_word}, kept by a
 * trigger): each word of the query is looked up there by trigram similarity ({@code %}, which tolerates typos
 * such as "labtop" for "laptop") or as a part of a word ("lapt", "aptop"), and a product matches when its name
 * holds, for every word of the query, one of the dictionary words found for it ({@code product.name_words}, an
 * array with a GIN index). No product name is compared by trigrams, which is what kept the earlier whole-name
 * matching at tens of milliseconds. Relevance: the sum of the scores of the matched words (exact 1, start of a
 * word 0.8, inside a word 0.6, otherwise the trigram similarity), plus a bonus when the name starts with the query
 * as typed, so exact hits come before near misses.
 *
 * <p>A query without letters or digits ("--") matches names that contain it as typed. With words, counting stops
 * after {@link #COUNT_CAP}: "100+ found" is all a shopper needs, and an exact count of a broad query would cost
 * more than the page itself. Browsing without words counts exactly.
 */
public final class SearchSql {

    /**
     * How similar a word must be to a word of the query: 0.3 lets "labtop" (0.4 to "laptop") and "lantren" (0.33 to
     * "lantern") through and keeps "lamp" (0.2 to "laptop") out; set per transaction with {@link #SET_THRESHOLD}.
     */
    public static final String SIMILARITY_THRESHOLD = "0.3";

    public static final String SET_THRESHOLD = "select set_config('pg_trgm.similarity_threshold', '"
            + SIMILARITY_THRESHOLD + "', true)";

    /** With words, the count query counts at most one more than this. */
    public static final int COUNT_CAP = 100;

    private static final String COLUMNS = """
            p.id, p.name, p.description, p.price, c.name as category_name, a.display_name,
            p.rating_count, p.rating_total""";

    /**
     * The dictionary words found for one word of the query ({@code :term1}, {@code :term2}, ...), with their scores. One select per word,
     * each with its word bound as a value, so the planner can use the dictionary's trigram index for each.
     */
    private static final String MATCHED_FOR_TERM = """
            select #, s.word, case when s.word = :term# then 1.0 when s.word like :start# then 0.8
                    when s.word like :part# then 0.6 else similarity(s.word, :term#) end
            from search_word s where s.word % :term# or s.word like :part#""";

    private final String with;
    private final String where;
    private final String orderBy;
    private final Map<String, Object> parameters;
    private final boolean capped;

    private SearchSql(String with, String where, String orderBy, Map<String, Object> parameters, boolean capped) {
        this.with = with;
        this.where = where;
        this.orderBy = orderBy;
        this.parameters = parameters;
        this.capped = capped;
    }

    public static SearchSql of(SearchCriteria criteria) {
        String with = "";
        StringBuilder where = new StringBuilder("p.active");
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> terms = criteria.terms();
        if (criteria.hasWords() && terms.isEmpty()) {
            where.append(" and lower(p.name) like :contains escape '\\'");
            parameters.put("contains", "%" + escapeLike(criteria.words()) + "%");
        } else if (criteria.hasWords()) {
            StringJoiner matched = new StringJoiner(" union all ", "with matched_word (ord, word, score) as (", ") ");
            for (int i = 1; i <= terms.size(); i++) {
                String term = terms.get(i - 1);
                matched.add(MATCHED_FOR_TERM.replace("#", String.valueOf(i)));
                where.append(" and p.name_words && array(select word from matched_word where ord = ").append(i)
                        .append(")");
                // Terms hold only letters and digits (see SearchCriteria.terms()), so they need no LIKE escaping.
                parameters.put("term" + i, term);
                parameters.put("start" + i, term + "%");
                parameters.put("part" + i, "%" + term + "%");
            }
            with = matched.toString();
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
        boolean rankByWords = criteria.sort() == SearchCriteria.SortOrder.RELEVANCE && !terms.isEmpty();
        String orderBy = switch (criteria.sort()) {
            case PRICE_ASCENDING -> "p.price asc, p.id";
            case PRICE_DESCENDING -> "p.price desc, p.id";
            case RATING -> "(cast(p.rating_total as float) / greatest(p.rating_count, 1)) desc, p.rating_count desc, p.id";
            case RELEVANCE -> rankByWords
                    ? "(select coalesce(sum(m.score), 0) from matched_word m where m.word = any(p.name_words))"
                            + " + case when lower(p.name) like :prefix escape '\\' then 0.5 else 0 end desc,"
                            + " p.rating_count desc, p.id"
                    : "p.id";
        };
        if (rankByWords) {
            parameters.put("prefix", escapeLike(criteria.words()) + "%");
        }
        return new SearchSql(with, where.toString(), orderBy, parameters, criteria.hasWords());
    }

    /** One page of matches, best first; the columns are those of {@link ProductSummary} in order. */
    public String pageQuery() {
        return with + "select " + COLUMNS + " from product p join category c on c.id = p.category_id"
                + " join account a on a.id = p.seller_id where " + where + " order by " + orderBy
                + " limit :limit offset :offset";
    }

    /** How many products match; with words, at most {@link #COUNT_CAP} + 1. */
    public String countQuery() {
        return with + "select count(*) from (select 1 from product p join category c on c.id = p.category_id where " + where
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
