package com.miniamazon.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The SQL of a product search, built from {@link SearchCriteria} with every value as a bind parameter. Kept
 * apart from the repository so that the search benchmark runs exactly this SQL.
 *
 * <p>Matching goes through a dictionary of the words that occur in product names ({@code search_word}, kept by a
 * trigger): each word of the query is looked up there by trigram similarity ({@code %}, which tolerates typos
 * such as "labtop" for "laptop") or as a part of a word ("lapt", "aptop"), and a product matches when its name
 * holds, for every word of the query, one of the dictionary words found for it. Relevance: the sum of the scores
 * of the matched words (exact 1, start of a word 0.8, inside a word 0.6, otherwise the trigram similarity), plus a
 * bonus when the name starts with the query as typed, so exact hits come before near misses; then more ratings
 * first, then the older product.
 *
 * <p>Products are found, scored, filtered and sorted from {@code product_word} (migration V23): one row per word of
 * an active product's name, carrying the category, price and rating columns in its primary key index, so that
 * part is an index-only scan. Product rows are read only for the page shown and, for the bonus, for the names that
 * start with the query (a range of an index on the lower-cased name). No product name is compared by trigrams, and
 * a word held by thousands of names costs a pass over thousands of small index entries, not thousands of product
 * rows: the earlier plan read every matching product row before it kept one page.
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
     * The dictionary words found for one word of the query ({@code :term1}, {@code :term2}, ...), with their scores;
     * {@code bit} is 1 for the first word of the query, 2 for the second, 4 for the third... One select per word,
     * each with its word bound as a value, so the planner can use the dictionary's trigram index for each.
     */
    private static final String MATCHED_FOR_TERM = """
            select $, s.word, case when s.word = :term# then 1.0 when s.word like :start# then 0.8
                    when s.word like :part# then 0.6 else similarity(s.word, :term#) end
            from search_word s where s.word % :term# or s.word like :part#""";

    private final boolean byWords;
    /** With words: the matched_word and hit common table expressions. */
    private final String with;
    /** With words: the filters on product_word w, each starting with " and"; else the condition on product p. */
    private final String where;
    /** With words: the page common table expression. */
    private final String page;
    private final String orderBy;
    private final Map<String, Object> parameters;
    private final Map<String, Object> countParameters;
    private final boolean capped;
    private final int termCount;

    private SearchSql(boolean byWords, String with, String where, String page, String orderBy,
            Map<String, Object> parameters, int termCount) {
        this.byWords = byWords;
        this.with = with;
        this.where = where;
        this.page = page;
        this.orderBy = orderBy;
        this.parameters = parameters;
        this.capped = byWords || parameters.containsKey("contains");
        this.termCount = termCount;
        this.countParameters = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (Pattern.compile(":" + name + "\\b").matcher(countQuery()).find()) {
                countParameters.put(name, value);
            }
        });
    }

    public static SearchSql of(SearchCriteria criteria) {
        List<String> terms = criteria.terms();
        return criteria.hasWords() && !terms.isEmpty() ? byWords(criteria, terms) : byProduct(criteria);
    }

    /** Browsing, or a query without letters or digits: straight from the product table. */
    private static SearchSql byProduct(SearchCriteria criteria) {
        StringBuilder where = new StringBuilder("p.active");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (criteria.hasWords()) {
            where.append(" and lower(p.name) like :contains escape '\\'");
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
            case RELEVANCE -> "p.id";
        };
        return new SearchSql(false, "", where.toString(), "", orderBy, parameters, 0);
    }

    /**
     * With words: {@code matched_word} holds the dictionary words found for each word of the query; {@code hit}
     * the matching products (every bit set: a word found for each word of the query), from {@code product_word}
     * alone, with their word score and the columns the filters and orders need.
     */
    private static SearchSql byWords(SearchCriteria criteria, List<String> terms) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringJoiner matched = new StringJoiner(" union all ",
                "with matched_word (bit, word, score) as materialized (", ")");
        for (int i = 1; i <= terms.size(); i++) {
            String term = terms.get(i - 1);
            matched.add(MATCHED_FOR_TERM.replace("$", String.valueOf(1 << (i - 1))).replace("#", String.valueOf(i)));
            // Terms hold only letters and digits (see SearchCriteria.terms()), so they need no LIKE escaping.
            parameters.put("term" + i, term);
            parameters.put("start" + i, term + "%");
            parameters.put("part" + i, "%" + term + "%");
        }
        StringBuilder where = new StringBuilder();
        if (criteria.categorySlug() != null) {
            where.append(" and w.category_id = (select id from category where slug = :category)");
            parameters.put("category", criteria.categorySlug());
        }
        if (criteria.minPrice() != null) {
            where.append(" and w.price >= :minPrice");
            parameters.put("minPrice", criteria.minPrice());
        }
        if (criteria.maxPrice() != null) {
            where.append(" and w.price <= :maxPrice");
            parameters.put("maxPrice", criteria.maxPrice());
        }
        String filter = where.length() == 0 ? "" : " where" + where.substring(4);
        // Only what the order needs is aggregated (rating_count is a key of every order but price); with one word
        // of the query every row found has its bit.
        String columns = switch (criteria.sort()) {
            case PRICE_ASCENDING, PRICE_DESCENDING -> "max(w.price) as price, 0 as rating_count";
            case RATING -> "max(w.rating_count) as rating_count, max(w.rating_total) as rating_total";
            case RELEVANCE -> "sum(m.score) as score, max(w.rating_count) as rating_count";
        };
        String hit = ", hit as (select w.product_id, " + columns
                + " from matched_word m join product_word w on w.word = m.word" + filter + " group by w.product_id"
                + (terms.size() == 1 ? "" : " having bit_or(m.bit) = " + ((1 << terms.size()) - 1)) + ")";
        // The page orders hit by rank and these keys; the outer query orders the page's rows the same way.
        String rank = switch (criteria.sort()) {
            case PRICE_ASCENDING, PRICE_DESCENDING -> "h.price";
            case RATING -> "cast(h.rating_total as float) / greatest(h.rating_count, 1)";
            case RELEVANCE -> "h.score + case when h.product_id in (select n.id from product n"
                    + " where lower(n.name) ~>=~ :prefixFrom and lower(n.name) ~<~ :prefixTo"
                    + " and lower(n.name) like :prefix escape '\\') then 0.5 else 0 end";
        };
        String orderBy = switch (criteria.sort()) {
            case PRICE_ASCENDING -> "rank asc, product_id";
            case PRICE_DESCENDING -> "rank desc, product_id";
            case RATING, RELEVANCE -> "rank desc, rating_count desc, product_id";
        };
        if (criteria.sort() == SearchCriteria.SortOrder.RELEVANCE) {
            // The name starts with the query as typed: found by a range of the name index, then checked by LIKE.
            parameters.put("prefix", escapeLike(criteria.words()) + "%");
            parameters.put("prefixFrom", criteria.words());
            parameters.put("prefixTo", successor(criteria.words()));
        }
        String page = ", page as (select h.product_id, h.rating_count, " + rank + " as rank from hit h order by "
                + orderBy + " limit :limit offset :offset)";
        return new SearchSql(true, matched + hit, where.toString(), page, orderBy, parameters, terms.size());
    }

    /** One page of matches, best first; the columns are those of {@link ProductSummary} in order. */
    public String pageQuery() {
        if (byWords) {
            // Only the page's rows are read from product; the page's keys put them in order again.
            return with + page + " select " + COLUMNS + " from page h join product p on p.id = h.product_id"
                    + " join category c on c.id = p.category_id join account a on a.id = p.seller_id order by h."
                    + orderBy.replace(", ", ", h.");
        }
        return "select " + COLUMNS + " from product p join category c on c.id = p.category_id"
                + " join account a on a.id = p.seller_id where " + where + " order by " + orderBy
                + " limit :limit offset :offset";
    }

    /** How many products match; with words, at most {@link #COUNT_CAP} + 1. */
    public String countQuery() {
        if (!byWords) {
            return "select count(*) from (select 1 from product p join category c on c.id = p.category_id where "
                    + where + (capped ? " limit " + (COUNT_CAP + 1) : "") + ") hits";
        }
        String count = " select count(*) from (select 1 from hit limit " + (COUNT_CAP + 1) + ") hits";
        if (termCount > 1) {
            return with + count;
        }
        // One word: when a single dictionary word is in more than COUNT_CAP matching names, that is the answer,
        // found from the first entries of its index range; only otherwise are the (few) matches counted.
        return with + " select case when exists (select 1 from matched_word m where (select count(*) from"
                + " (select 1 from product_word w where w.word = m.word" + where + " limit " + (COUNT_CAP + 1)
                + ") enough) > " + COUNT_CAP + ") then " + (COUNT_CAP + 1) + " else (" + count.strip() + ") end";
    }

    /** Whether the count stops at {@link #COUNT_CAP} + 1. */
    public boolean isCountCapped() {
        return capped;
    }

    /** The values of the named parameters of both queries, except {@code limit} and {@code offset}. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** The values of the named parameters of the count query. */
    public Map<String, Object> countParameters() {
        return countParameters;
    }

    /** Whether the count query uses the named parameter (ordering-only parameters are not in it). */
    public boolean countUses(String name) {
        return countParameters.containsKey(name);
    }

    /**
     * The least string above every string that starts with {@code prefix}, in byte order (which for UTF-8 is code
     * point order): the prefix with its last code point one higher. With a prefix of only the highest code point,
     * a string no name reaches.
     */
    static String successor(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        int last = codePoints.length - 1;
        while (last >= 0 && codePoints[last] == Character.MAX_CODE_POINT) {
            last--;
        }
        if (last < 0) {
            return new String(Character.toChars(Character.MAX_CODE_POINT)).repeat(prefix.length() + 1);
        }
        int next = codePoints[last] + 1;
        if (next == Character.MIN_SURROGATE) {
            next = Character.MAX_SURROGATE + 1; // not a character on its own; the next one is
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < last; i++) {
            out.appendCodePoint(codePoints[i]);
        }
        return out.appendCodePoint(next).toString();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
