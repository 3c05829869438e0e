package io.tokenrack.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The window's command line, read once before anything of JavaFX starts: {@code [DESIGN.json]
 * [--compare FILE] [--view lab|site] [--lesson ID] [--help]}, options as {@code --NAME VALUE} or {@code --NAME=VALUE}.
 * Anything else is an error with a sentence saying what was wrong.
 *
 * @param design  the design to open instead of the example, if one is named
 * @param compare the design to compare it with, if one is named
 * @param lab     whether the Kernel lab opens at start
 * @param help    whether usage was asked for (nothing else is done then)
 * @param errors  what is wrong with the command line; the app does not start when there is anything
 * @param site    whether the site planner opens at start
 * @param lesson  the guided lesson to start, if one is named
 * @param theme   the theme asked for with {@code --theme light|dark}; empty: the one the user chose last
 */
public record LaunchOptions(Optional<Path> design, Optional<Path> compare, boolean lab, boolean help, List<String> errors,
                            Optional<Path> present, boolean site, Optional<String> lesson, Optional<io.tokenrack.app.theme.Theme> theme) {
    public static final String PRESENT = "--present";
    public static final String VIEW = "--view";
    public static final String COMPARE = "--compare";
    public static final String HELP = "--help";
    public static final String LESSON = "--lesson";
    public static final String THEME = "--theme";

    public static final String USAGE = """
            Usage: java -jar tokenrack-app.jar [DESIGN.json] [--compare OTHER.json] [--view lab|site] [--present DECK.json] [--lesson ID] [--theme dark|light]
              DESIGN.json           the design to open (default: the example rack)
              --compare OTHER.json  open the comparison of the design with another one
              --view lab            open the Kernel lab, which measures this computer, at start
              --view site           open the site planner (what a site's megawatts buy) at start
              --present DECK.json   start in presentation mode on a scenario deck ("gtc-2026": the shipped one)
              --lesson ID           start a guided lesson (roofline, kv-cache, batching, power, cost, serving)
              --theme dark|light    the window's theme (default: the one chosen last in View ▸ Theme, else light)
              --help, -h            print this text and exit
            Or, without a window: java -jar tokenrack-app.jar report --design DESIGN.json --out REPORT.pdf|REPORT.html
            """;

    public LaunchOptions {
        errors = List.copyOf(errors);
        present = present == null ? Optional.empty() : present;
        lesson = lesson == null ? Optional.empty() : lesson;
        theme = theme == null ? Optional.empty() : theme;
    }

    /** Without a lesson or a theme asked for. */
    public LaunchOptions(Optional<Path> design, Optional<Path> compare, boolean lab, boolean help, List<String> errors,
                         Optional<Path> present, boolean site) {
        this(design, compare, lab, help, errors, present, site, Optional.empty(), Optional.empty());
    }

    /** Without presentation mode or the site planner at start. */
    public LaunchOptions(Optional<Path> design, Optional<Path> compare, boolean lab, boolean help, List<String> errors) {
        this(design, compare, lab, help, errors, Optional.empty(), false);
    }

    /** Without the site planner at start. */
    public LaunchOptions(Optional<Path> design, Optional<Path> compare, boolean lab, boolean help, List<String> errors, Optional<Path> present) {
        this(design, compare, lab, help, errors, present, false);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Reads {@code args} (it does not look at the files: the window says when one cannot be opened). */
    public static LaunchOptions parse(List<String> args) {
        Path design = null;
        Path compare = null;
        boolean lab = false;
        boolean site = false;
        boolean help = false;
        Path present = null;
        String lesson = null;
        io.tokenrack.app.theme.Theme theme = null;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(HELP) || a.equals("-h")) {
                help = true;
                continue;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                if (design != null) {
                    errors.add("only one design can be opened; '" + design + "' and '" + a + "' were given");
                } else {
                    design = Path.of(a);
                }
                continue;
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size() ? args.get(++i) : null;
            switch (name) {
                case COMPARE -> {
                    if (value == null || value.isBlank()) {
                        errors.add(COMPARE + " needs a design file to compare with");
                    } else {
                        compare = Path.of(value);
                    }
                }
                case PRESENT -> {
                    if (value == null || value.isBlank()) {
                        errors.add(PRESENT + " needs a deck file (or gtc-2026)");
                    } else {
                        present = value.equals("gtc-2026") ? Path.of("") : Path.of(value);
                    }
                }
                case LESSON -> {
                    if (value == null || value.isBlank()) {
                        errors.add(LESSON + " needs a lesson's name (e.g. roofline)");
                    } else {
                        lesson = value;
                    }
                }
                case THEME -> {
                    var t = io.tokenrack.app.theme.Theme.named(value);
                    if (t.isPresent()) {
                        theme = t.get();
                    } else {
                        errors.add(THEME + " takes 'dark' or 'light'" + (value == null ? "" : ", not '" + value + "'"));
                    }
                }
                case VIEW -> {
                    if ("lab".equals(value)) {
                        lab = true;
                    } else if ("site".equals(value)) {
                        site = true;
                    } else {
                        errors.add(VIEW + " takes 'lab' or 'site'" + (value == null ? "" : ", not '" + value + "'"));
                    }
                }
                default -> {
                    if (!a.contains("=") && value != null) {
                        i--; // an unknown option's value is not taken
                    }
                    errors.add("unknown option '" + name + "'");
                }
            }
        }
        return new LaunchOptions(Optional.ofNullable(design), Optional.ofNullable(compare), lab, help, errors, Optional.ofNullable(present), site,
                Optional.ofNullable(lesson), Optional.ofNullable(theme));
    }
}
