package io.tokenrack.app.present;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.List;

/**
 * A scenario deck: the JSON file presentation mode steps through (see presets/decks/). Every slide
 * is a saved design served the deck's one workload, so all slides stand at the same service level;
 * a slide may change only the number format (hardware without FP4 serves FP8).
 *
 * @param formatVersion 1
 * @param title         the deck's title, shown on every slide
 * @param workload      the workload every slide serves (model, lengths, service level)
 * @param chart         what the one chart compares across slides: "tokensPerJoule" (default) or "usdPerMillionTokens"
 * @param slides        in order
 */
public record Deck(
        @JsonProperty(required = true) int formatVersion,
        @JsonProperty(required = true) String title,
        @JsonProperty(required = true) Workload workload,
        String chart,
        @JsonProperty(required = true) List<Slide> slides) {

    public static final int CURRENT_VERSION = 1;
    public static final String TOKENS_PER_JOULE = "tokensPerJoule";
    public static final String USD_PER_MILLION = "usdPerMillionTokens";

    /**
     * One slide.
     *
     * @param title     what the audience reads first ("H100")
     * @param design    the design file, relative to the deck's folder
     * @param precision the number format on this hardware; null for the deck's
     * @param note      one or two sentences said on this slide
     */
    public record Slide(
            @JsonProperty(required = true) String title,
            @JsonProperty(required = true) String design,
            Precision precision,
            String note) {
        public Slide {
            if (title == null || title.isBlank()) {
                throw new InputException("title: missing or empty");
            }
            if (design == null || design.isBlank()) {
                throw new InputException("design: missing or empty");
            }
        }
    }

    public Deck {
        if (formatVersion != CURRENT_VERSION) {
            throw new InputException("formatVersion: " + formatVersion + " is not supported (this version reads " + CURRENT_VERSION + ")");
        }
        if (title == null || title.isBlank()) {
            throw new InputException("title: missing or empty");
        }
        if (slides == null || slides.isEmpty()) {
            throw new InputException("slides: a deck needs at least one slide");
        }
        if (chart == null) {
            chart = TOKENS_PER_JOULE;
        }
        if (!chart.equals(TOKENS_PER_JOULE) && !chart.equals(USD_PER_MILLION)) {
            throw new InputException("chart: '" + chart + "' is not one of " + TOKENS_PER_JOULE + ", " + USD_PER_MILLION);
        }
        slides = List.copyOf(slides);
    }
}
