package io.tokenrack.app.present;

import io.tokenrack.app.document.DesignFiles;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.catalog.PresetException;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link Deck} and the designs its slides name (relative to the deck's folder), strictly:
 * a bad deck is refused with file, field and reason, before anything is shown.
 */
public final class DeckFiles {
    /** The deck shipped with the presets, opened by F5. */
    public static final String GTC_2026 = "decks/gtc-2026.json";

    private final Catalog catalog;

    public DeckFiles(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A deck read, with each slide's design. */
    public record Loaded(Deck deck, List<Scenario> scenarios) {
        public Loaded {
            scenarios = List.copyOf(scenarios);
        }
    }

    public Loaded read(Path file) {
        String name = file.toString();
        Deck deck = StrictJson.read(file, name, Deck.class);
        if (catalog.find(deck.workload().modelId(), ModelSpec.class).isEmpty()) {
            throw new PresetException(name, "workload.modelId", "no model '" + deck.workload().modelId() + "' in the catalog");
        }
        Path folder = file.toAbsolutePath().getParent();
        List<Scenario> out = new ArrayList<>();
        for (int i = 0; i < deck.slides().size(); i++) {
            Deck.Slide s = deck.slides().get(i);
            Path designFile = folder.resolve(s.design()).normalize();
            if (!Files.isRegularFile(designFile)) {
                throw new PresetException(name, "slides[" + i + "].design", "no design file " + s.design() + " beside the deck");
            }
            RackDesign d = new DesignFiles(catalog).read(designFile);
            Workload w = s.precision() == null ? deck.workload() : deck.workload().withPrecision(s.precision());
            out.add(new Scenario(s.title(), s.note(), d.withWorkload(w)));
        }
        return new Loaded(deck, out);
    }
}
