package com.miniamazon.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SearchSqlTest {

    @Test
    void wordsAreNormalisedSplitIntoTermsAndBoundNeverConcatenated() {
        SearchCriteria criteria = SearchCriteria.words("  Lab%top_'; drop table product; --  ");
        SearchSql sql = SearchSql.of(criteria);
        assertThat(criteria.words()).isEqualTo("lab%top_'; drop table product; --");
        assertThat(criteria.terms()).containsExactly("lab", "top", "drop", "table", "product");
        assertThat(sql.pageQuery()).doesNotContain("drop table")
                .startsWith("with matched_word (ord, word, score) as (select 1, s.word")
                .contains("union all select 2, s.word")
                .contains("p.name_words && array(select word from matched_word where ord = 5)");
        assertThat(sql.parameters()).containsEntry("term1", "lab").containsEntry("term5", "product")
                .containsEntry("start2", "top%").containsEntry("part3", "%drop%")
                .containsEntry("prefix", "lab\\%top\\_'; drop table product; --%");
        assertThat(sql.countQuery()).doesNotContain(":prefix").endsWith("limit 101) hits");
        assertThat(sql.countUses("prefix")).isFalse();
        assertThat(sql.countUses("term3")).isTrue();
    }

    @Test
    void aQueryWithoutLettersOrDigitsMatchesNamesContainingItAsTyped() {
        SearchSql sql = SearchSql.of(SearchCriteria.words("--%"));
        assertThat(sql.pageQuery()).doesNotContain("matched_word").contains("lower(p.name) like :contains");
        assertThat(sql.parameters()).containsOnlyKeys("contains").containsEntry("contains", "%--\\%%");
    }

    @Test
    void onlyTheFirstEightDistinctWordsAreMatched() {
        assertThat(SearchCriteria.words("a b c a d e f g h i j").terms()).containsExactly("a", "b", "c", "d", "e", "f",
                "g", "h");
    }

    @Test
    void browsingWithoutWordsUsesNoSimilarityAndFiltersAreOptional() {
        SearchSql browse = SearchSql.of(new SearchCriteria("", "books", new BigDecimal("10"), null,
                SearchCriteria.SortOrder.PRICE_ASCENDING));
        assertThat(browse.pageQuery()).doesNotContain("matched_word").contains("c.slug = :category")
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
