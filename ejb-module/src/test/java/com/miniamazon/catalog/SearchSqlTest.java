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
                .startsWith("with matched_word (bit, word, score) as materialized (select 1, s.word")
                .contains("union all select 2, s.word").contains("union all select 16, s.word")
                .contains("from matched_word m join product_word w on w.word = m.word")
                .contains("having bit_or(m.bit) = 31")
                .contains("lower(n.name) ~>=~ :prefixFrom and lower(n.name) ~<~ :prefixTo")
                .contains("limit :limit offset :offset");
        assertThat(sql.parameters()).containsEntry("term1", "lab").containsEntry("term5", "product")
                .containsEntry("start2", "top%").containsEntry("part3", "%drop%")
                .containsEntry("prefix", "lab\\%top\\_'; drop table product; --%")
                .containsEntry("prefixFrom", "lab%top_'; drop table product; --")
                .containsEntry("prefixTo", "lab%top_'; drop table product; -.");
        assertThat(sql.countQuery()).doesNotContain(":prefix").endsWith("limit 101) hits");
        assertThat(sql.countUses("prefix")).isFalse();
        assertThat(sql.countUses("prefixFrom")).isFalse();
        assertThat(sql.countUses("term3")).isTrue();
        assertThat(sql.countParameters()).containsOnlyKeys("term1", "start1", "part1", "term2", "start2", "part2",
                "term3", "start3", "part3", "term4", "start4", "part4", "term5", "start5", "part5");
    }

    @Test
    void oneWordCountsFromTheFirstEntriesOfAWordWhenThereAreEnough() {
        SearchSql sql = SearchSql.of(new SearchCriteria("labtop", "electronics", new BigDecimal("10"), null, null));
        assertThat(sql.pageQuery()).doesNotContain("bit_or")
                .contains("w.category_id = (select id from category where slug = :category)")
                .contains("w.price >= :minPrice");
        assertThat(sql.countQuery()).contains("(select 1 from product_word w where w.word = m.word and w.category_id"
                + " = (select id from category where slug = :category) and w.price >= :minPrice limit 101) enough) > 100)"
                + " then 101 else (select count(*) from (select 1 from hit limit 101) hits) end");
        assertThat(sql.countParameters()).containsOnlyKeys("term1", "start1", "part1", "category", "minPrice");
    }

    @Test
    void otherOrdersSortTheMatchesByTheirOwnKeys() {
        SearchSql cheapest = SearchSql.of(new SearchCriteria("lamp", null, null, null,
                SearchCriteria.SortOrder.PRICE_ASCENDING));
        assertThat(cheapest.pageQuery()).contains("max(w.price) as price").contains("order by rank asc, product_id")
                .endsWith("order by h.rank asc, h.product_id").doesNotContain(":prefix");
        assertThat(cheapest.parameters()).doesNotContainKeys("prefix", "prefixFrom", "prefixTo");
        SearchSql best = SearchSql.of(new SearchCriteria("lamp", null, null, null, SearchCriteria.SortOrder.RATING));
        assertThat(best.pageQuery()).contains("max(w.rating_total) as rating_total")
                .endsWith("order by h.rank desc, h.rating_count desc, h.product_id");
    }

    @Test
    void theNameRangeEndsAfterEveryNameStartingWithTheQuery() {
        assertThat(SearchSql.successor("lamp")).isEqualTo("lamq");
        assertThat(SearchSql.successor("caf\u00e9")).isEqualTo("caf\u00ea");
        assertThat(SearchSql.successor("a\uD7FF")).isEqualTo("a\uE000");
        assertThat(SearchSql.successor("a" + new String(Character.toChars(Character.MAX_CODE_POINT)))).isEqualTo("b");
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
