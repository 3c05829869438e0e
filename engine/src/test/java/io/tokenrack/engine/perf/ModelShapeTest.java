package io.tokenrack.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.catalog.ModelSpec;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelShapeTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();

    @Test
    void llama31_70bKvCacheIs327680BytesPerTokenInBf16() {
        // 2 (K and V) × 80 layers × 8 KV heads × 128 head dim × 2 bytes = 327,680
        ModelShape s = ModelShape.of(CATALOG.model("llama-3.1-70b"));
        assertEquals(327_680, s.kvBytesPerToken(2.0), 1e-9);
    }

    @Test
    void deepseekMlaKvCacheIsTheLatentPlusRopeKey() {
        // 61 layers × (512 latent + 64 RoPE key) × 2 bytes = 70,272
        ModelShape s = ModelShape.of(CATALOG.model("deepseek-r1"));
        assertEquals(70_272, s.kvBytesPerToken(2.0), 1e-9);
    }

    @Test
    void deepseekHas58MoeLayersAndMaverickEveryOtherLayer() {
        assertEquals(58, ModelShape.of(CATALOG.model("deepseek-r1")).moeLayers());
        assertEquals(24, ModelShape.of(CATALOG.model("llama-4-maverick")).moeLayers());
    }

    static Stream<ModelSpec> models() {
        return CATALOG.models().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void parameterCountWithinTwoPercentOfTheAuthorsFigure(ModelSpec m) {
        double counted = ModelShape.of(m).totalParams() / 1e9;
        // Moonshot states Kimi-K2 as "1T", rounded to one significant figure; our count (1.026T) is checked at 3%.
        double tolerance = m.id().equals("kimi-k2") ? 0.03 : 0.02;
        assertTrue(Math.abs(counted - m.totalParamsB()) / m.totalParamsB() <= tolerance,
                m.id() + ": counted " + counted + "B, authors say " + m.totalParamsB() + "B");
    }
}
