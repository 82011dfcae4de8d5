package com.miniamazon.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SearchSqlTest {

    @Test
    void wordsAreNormalisedAndBoundNeverConcatenated() {
        SearchCriteria criteria = SearchCriteria.words("  Lab%top_'; drop table product; --  ");
        SearchSql sql = SearchSql.of(criteria);
        assertThat(criteria.words()).isEqualTo("lab%top_'; drop table product; --");
        assertThat(sql.pageQuery()).doesNotContain("drop table").contains(":words <<% lower(p.name)");
        assertThat(sql.parameters().get("contains")).isEqualTo("%lab\\%top\\_'; drop table product; --%");
        assertThat(sql.countQuery()).doesNotContain(":prefix");
        assertThat(sql.countUses("prefix")).isFalse();
        assertThat(sql.countUses("words")).isTrue();
        assertThat(sql.countQuery()).endsWith("limit 101) hits");
    }

    @Test
    void browsingWithoutWordsUsesNoSimilarityAndFiltersAreOptional() {
        SearchSql browse = SearchSql.of(new SearchCriteria("", "books", new BigDecimal("10"), null,
                SearchCriteria.SortOrder.PRICE_ASCENDING));
        assertThat(browse.pageQuery()).doesNotContain("<<%").contains("c.slug = :category")
                .contains("p.price >= :minPrice").doesNotContain(":maxPrice").contains("order by p.price asc");
        assertThat(browse.parameters()).containsOnlyKeys("category", "minPrice");
        assertThat(browse.countQuery()).endsWith("where " + "p.active and c.slug = :category and p.price >= :minPrice) hits");
    }

    @Test
    void longQueriesAreCut() {
        assertThat(SearchCriteria.words("x".repeat(500)).words()).hasSize(SearchCriteria.MAX_WORDS_LENGTH);
    }

    @Test
    void ratingsAverageToOneDecimal() {
        assertThat(Ratings.average(0, 0)).isZero();
        assertThat(Ratings.average(3, 13)).isEqualTo(4.3);
    }
}
