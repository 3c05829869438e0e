package io.tokenrack.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Names from a design go into the bill of materials as text a spreadsheet shows, never runs. */
class BillOfMaterialsCsvTest {
    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingQuote() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", BillOfMaterials.csv("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", BillOfMaterials.csv("+1"));
        assertEquals("'-2+3", BillOfMaterials.csv("-2+3"));
        assertEquals("'@SUM(A1)", BillOfMaterials.csv("@SUM(A1)"));
        assertEquals("'\tcmd", BillOfMaterials.csv("\tcmd"));
        assertEquals("\"'\r=1\"", BillOfMaterials.csv("\r=1"));
        assertEquals("rack-1", BillOfMaterials.csv("rack-1"), "a minus inside a name is harmless");
    }

    @Test
    void fieldsWithALineBreakQuoteOrCommaAreQuoted() {
        assertEquals("\"a\rb\"", BillOfMaterials.csv("a\rb"), "a bare carriage return ends a row in many readers");
        assertEquals("\"a\nb\"", BillOfMaterials.csv("a\nb"));
        assertEquals("\"a,b\"", BillOfMaterials.csv("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", BillOfMaterials.csv("say \"hi\""));
        assertEquals("plain", BillOfMaterials.csv("plain"));
        assertEquals("", BillOfMaterials.csv(null));
    }
}
