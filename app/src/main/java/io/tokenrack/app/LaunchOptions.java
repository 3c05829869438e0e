package io.tokenrack.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The window's command-line options, {@code --NAME VALUE} or {@code --NAME=VALUE}: {@code --view lab}
 * opens the Kernel lab at start, {@code --compare FILE} the comparison with that design. What is
 * left once they are taken out is the design file to open.
 */
public final class LaunchOptions {
    public static final String VIEW = "--view";
    public static final String COMPARE = "--compare";
    private static final List<String> ALL = List.of(VIEW, COMPARE);

    private LaunchOptions() {}

    /** The value given to {@code option}, if it is there with one. */
    public static Optional<String> value(List<String> args, String option) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith(option + "=")) {
                return Optional.of(a.substring(option.length() + 1));
            }
            if (a.equals(option) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** Whether the command line asks for the Lab at start: {@code --view lab} or {@code --view=lab}. */
    public static boolean labRequested(List<String> args) {
        return value(args, VIEW).filter("lab"::equals).isPresent();
    }

    /** The arguments without the options above and their values, so the rest (a design file) reads as before. */
    public static List<String> withoutOptions(List<String> args) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (ALL.contains(a)) {
                i++;
            } else if (ALL.stream().noneMatch(o -> a.startsWith(o + "="))) {
                rest.add(a);
            }
        }
        return rest;
    }
}
