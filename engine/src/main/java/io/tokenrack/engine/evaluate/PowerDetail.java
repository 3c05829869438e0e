package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.power.HostPower;
import io.tokenrack.engine.power.OperatingPoint;

/**
 * How the modelled power comes about, per phase and per part. Per-accelerator figures are at the
 * board boundary; {@code serverWallWatts} at the servers' AC inlets.
 *
 * @param operatingPoint             Max-P, Max-Q or a cap
 * @param limitWattsPerAccelerator   the power limit per accelerator at that point, W (the TDP at Max-P)
 * @param clockFraction              core clock under the limit as a fraction of Max-P (1 at Max-P)
 * @param prefillWattsPerAccelerator a busy accelerator's board power in a prefill-only step, W
 * @param decodeWattsPerAccelerator  the same in a decode-only step, W
 * @param steadyWattsPerAccelerator  the same in the steady mixed step the evaluation runs, W
 * @param idleWattsPerAccelerator    an accelerator with no work, W
 * @param host                       the servers' draw beside the boards, part by part
 * @param serverWallWatts            boards + host, at the wall, W
 */
public record PowerDetail(
        OperatingPoint operatingPoint,
        double limitWattsPerAccelerator,
        double clockFraction,
        double prefillWattsPerAccelerator,
        double decodeWattsPerAccelerator,
        double steadyWattsPerAccelerator,
        double idleWattsPerAccelerator,
        HostPower.Draw host,
        double serverWallWatts) {}
