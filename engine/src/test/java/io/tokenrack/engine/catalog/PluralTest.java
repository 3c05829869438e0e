package io.tokenrack.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PluralTest {
    @Test
    void oneIsSingularEverythingElsePlural() {
        assertEquals("1 error", Plural.of(1, "error"));
        assertEquals("2 errors", Plural.of(2, "error"));
        assertEquals("0 units", Plural.of(0, "unit"));
        assertEquals("1,200 units", Plural.of(1200, "unit"));
        assertEquals("3 indices", Plural.of(3, "index", "indices"));
        assertEquals("rack", Plural.noun(1, "rack"));
        assertEquals("racks", Plural.noun(7, "rack"));
    }
}
