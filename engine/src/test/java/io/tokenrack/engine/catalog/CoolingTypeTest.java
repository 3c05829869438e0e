package io.tokenrack.engine.catalog;

import static io.tokenrack.engine.catalog.CoolingType.AIR;
import static io.tokenrack.engine.catalog.CoolingType.AIR_OR_LIQUID;
import static io.tokenrack.engine.catalog.CoolingType.IMMERSION;
import static io.tokenrack.engine.catalog.CoolingType.LIQUID;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CoolingTypeTest {
    @Test
    void airRacksCannotHostLiquidOnlyGear() {
        assertTrue(AIR.canCool(AIR));
        assertTrue(AIR.canCool(AIR_OR_LIQUID));
        assertFalse(AIR.canCool(LIQUID));
        assertFalse(AIR.canCool(IMMERSION));
    }

    @Test
    void liquidRacksHostAirAndLiquidGear() {
        assertTrue(LIQUID.canCool(AIR));
        assertTrue(LIQUID.canCool(LIQUID));
        assertFalse(LIQUID.canCool(IMMERSION));
    }

    @Test
    void anAirOrLiquidRackHasBoth() {
        assertTrue(AIR_OR_LIQUID.canCool(AIR));
        assertTrue(AIR_OR_LIQUID.canCool(LIQUID));
        assertFalse(AIR_OR_LIQUID.canCool(IMMERSION));
    }

    @Test
    void immersionTanksHostImmersionAndFlexibleGear() {
        assertTrue(IMMERSION.canCool(IMMERSION));
        assertTrue(IMMERSION.canCool(AIR_OR_LIQUID));
        assertFalse(IMMERSION.canCool(AIR));
    }
}
