package io.tokenrack.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenrack.engine.Fixtures;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
    @Test
    void writtenRecordsHoldOnlyTheirComponents() throws Exception {
        ModelSpec dense = Fixtures.catalog().model("model-dense");

        JsonNode json = StrictJson.mapper().valueToTree(dense);

        assertFalse(json.has("moe"), "isMoe() must not be written as a field: " + json);
        String text = StrictJson.mapper().writeValueAsString(dense);
        assertEquals(dense, StrictJson.read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "model.json", ModelSpec.class));
    }

    @Test
    void mapperIsACopy() {
        StrictJson.mapper().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

        assertEquals(true, StrictJson.mapper().isEnabled(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT));
    }

    @org.junit.jupiter.api.Test
    void anUnclosedBracketSaysWhereItOpenedWithoutTheParsersInternals() {
        byte[] json = "{\"formatVersion\": 1, \"name\": \"x\", \"racks\": [\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        PresetException e = org.junit.jupiter.api.Assertions.assertThrows(PresetException.class,
                () -> StrictJson.read(json, "d.json", io.tokenrack.engine.design.RackDesign.class));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().endsWith("(start marker at line 1, column 44)"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains("Source"), e.getMessage());
    }
}
