package io.tokenrack.app.canvas;

import java.util.Locale;

/**
 * The token-flow animation's arithmetic, without JavaFX: how many output tokens one dot stands for
 * (a power of ten chosen so that a rack at its modelled rate shows between {@link #MIN_DOTS_PER_SECOND}
 * and ten times that many dots a second), and how many dots a frame of {@code dt} seconds adds
 * (the fraction carried to the next frame, so the long-run rate is exact).
 */
public final class TokenFlow {
    /** Fewest dots a second the scale aims at: below this the flow looks stalled. */
    public static final double MIN_DOTS_PER_SECOND = 6;

    private final double tokensPerSecond;
    private final double tokensPerDot;
    private double carry;

    /** @param tokensPerSecond the modelled output tokens a second of the whole design (0 or less: no flow) */
    public TokenFlow(double tokensPerSecond) {
        this.tokensPerSecond = Double.isFinite(tokensPerSecond) && tokensPerSecond > 0 ? tokensPerSecond : 0;
        this.tokensPerDot = scale(this.tokensPerSecond);
    }

    /**
     * Tokens per dot for {@code tokensPerSecond}: the power of ten (1 at least) that puts the dot
     * rate in [{@link #MIN_DOTS_PER_SECOND}, 10 × that).
     */
    static double scale(double tokensPerSecond) {
        if (!(tokensPerSecond > MIN_DOTS_PER_SECOND)) {
            return 1;
        }
        return Math.pow(10, Math.floor(Math.log10(tokensPerSecond / MIN_DOTS_PER_SECOND)));
    }

    public double tokensPerSecond() {
        return tokensPerSecond;
    }

    public double tokensPerDot() {
        return tokensPerDot;
    }

    public double dotsPerSecond() {
        return tokensPerSecond / tokensPerDot;
    }

    /** The whole dots {@code seconds} of flow adds (the fraction is kept for the next call). */
    public int dotsIn(double seconds) {
        if (!(seconds > 0)) {
            return 0;
        }
        carry += dotsPerSecond() * seconds;
        int whole = (int) Math.min(Math.floor(carry), 1000);
        carry -= whole;
        if (carry >= 1) {
            carry = 0; // a long pause: the backlog is dropped, not drawn at once
        }
        return whole;
    }

    /** The legend: what a dot stands for. */
    public String legend() {
        return "• = " + count(tokensPerDot) + (tokensPerDot == 1 ? " token" : " tokens");
    }

    /** The tooltip: the scale and the modelled rate it animates. */
    public String explanation() {
        if (tokensPerSecond == 0) {
            return "Token flow: no modelled output yet.";
        }
        return String.format(Locale.ROOT, "Token flow: one dot per %s output tokens, at the modelled %s tokens/s of the whole design "
                + "(%.0f dots/s).", count(tokensPerDot), count(tokensPerSecond), dotsPerSecond());
    }

    private static String count(double n) {
        return String.format(Locale.ROOT, "%,.0f", n);
    }
}
