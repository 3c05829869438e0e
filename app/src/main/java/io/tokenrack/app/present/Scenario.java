package io.tokenrack.app.present;

import io.tokenrack.engine.design.RackDesign;

/**
 * One slide, read: its title and note and the design it shows, with the deck's workload in it.
 *
 * @param design the saved design with the slide's workload
 */
public record Scenario(String title, String note, RackDesign design) {
    public Scenario {
        note = note == null ? "" : note;
    }
}
