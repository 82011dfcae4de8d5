package com.miniamazon.catalog;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a shopper searches for: words (may be empty: browse), an optional category slug, an optional price range,
 * and the order of the results. Normalises on construction: words trimmed and lower-cased, blank slug dropped.
 */
public record SearchCriteria(String words, String categorySlug, BigDecimal minPrice, BigDecimal maxPrice,
        SortOrder sort) implements Serializable {

    /** The longest query looked at; longer input is cut, so a pasted essay cannot slow the database down. */
    public static final int MAX_WORDS_LENGTH = 100;

    /** The most separate words a search matches on; the rest of a long query is ignored. */
    public static final int MAX_TERMS = 8;

    public enum SortOrder { RELEVANCE, PRICE_ASCENDING, PRICE_DESCENDING, RATING }

    public SearchCriteria {
        words = words == null ? "" : words.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (words.length() > MAX_WORDS_LENGTH) {
            words = words.substring(0, MAX_WORDS_LENGTH);
        }
        categorySlug = categorySlug == null || categorySlug.isBlank() ? null : categorySlug.strip();
        sort = sort == null ? SortOrder.RELEVANCE : sort;
    }

    public static SearchCriteria words(String words) {
        return new SearchCriteria(words, null, null, null, SortOrder.RELEVANCE);
    }

    public boolean hasWords() {
        return !words.isEmpty();
    }

    /**
     * The words as the search matches them: split on anything that is not a letter or a digit, the way the
     * database splits product names into {@code product.name_words}, at most {@link #MAX_TERMS} of them.
     */
    public List<String> terms() {
        return Arrays.stream(words.split("[^\\p{L}\\p{N}]+"))
                .filter(term -> !term.isEmpty())
                .distinct()
                .limit(MAX_TERMS)
                .toList();
    }
}
