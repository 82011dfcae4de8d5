package com.miniamazon.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeSqlTest {

    @Test
    void numbersAndNullsBecomeAnArrayLiteralAsTheyAre() {
        assertThat(NativeSql.arrayLiteral(Arrays.asList(3L, null, 42L))).isEqualTo("{3,NULL,42}");
        assertThat(NativeSql.arrayLiteral(List.of())).isEqualTo("{}");
    }

    @Test
    void textIsQuotedSoThatCommasBracesQuotesAndBackslashesStayInsideOneElement() {
        assertThat(NativeSql.arrayLiteral(List.of("arrived", "a,b}", "say \"hi\"", "c:\\x", "NULL")))
                .isEqualTo("{\"arrived\",\"a,b}\",\"say \\\"hi\\\"\",\"c:\\\\x\",\"NULL\"}");
    }
}
