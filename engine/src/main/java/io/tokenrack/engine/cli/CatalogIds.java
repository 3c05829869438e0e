package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.ItemKind;
import io.tokenrack.engine.catalog.ServerSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Catalog ids typed on the command line: matched without regard to case (like precisions), and
 * when one is unknown, the message names the closest ids of the kind asked for ("did you mean
 * h100-sxm?") or says which kind the id is ("'dgx-h100' is a server, not an accelerator").
 */
final class CatalogIds {
    /** Ids farther than this many edits (after dropping case and punctuation) are not suggested. */
    private static final int MAX_SUGGESTED_DISTANCE = 3;
    private static final int MAX_SUGGESTIONS = 3;

    private CatalogIds() {}

    /** The catalog's spelling of {@code given}, an id of {@code kind}; an exception with suggestions when there is none. */
    static String resolve(Catalog catalog, String given, ItemKind kind) {
        List<CatalogItem> sameId = new ArrayList<>();
        for (CatalogItem item : catalog.all()) {
            if (item.id().equalsIgnoreCase(given)) {
                if (item.kind() == kind) {
                    return item.id();
                }
                sameId.add(item);
            }
        }
        if (!sameId.isEmpty()) {
            CatalogItem other = sameId.getFirst();
            String hint = other instanceof ServerSpec s && kind == ItemKind.ACCELERATOR && s.acceleratorId() != null
                    ? "; it holds " + s.acceleratorId() + ", give that as --accelerator" : "";
            throw new InputException("'" + given + "' is " + article(other.kind()) + " " + other.kind().label() + ", not "
                    + article(kind) + " " + kind.label() + hint);
        }
        List<String> near = nearest(catalog.ofKind(kind), given);
        String tail = near.isEmpty() ? " (see `tokenrack catalog --kind " + kind.label() + "`)"
                : "; did you mean " + orList(near) + "?";
        String otherKind = nearestOtherKind(catalog, given, kind);
        throw new InputException("unknown " + kind.label() + " '" + given + "'" + tail + otherKind);
    }

    /** The ids of {@code items} within a few edits of {@code given}, closest first. */
    static List<String> nearest(List<CatalogItem> items, String given) {
        String key = normalized(given);
        record Scored(String id, int distance) {}
        List<Scored> scored = new ArrayList<>();
        for (CatalogItem item : items) {
            int d = distance(key, normalized(item.id()));
            boolean prefix = key.length() >= 3 && normalized(item.id()).startsWith(key);
            if (prefix || d <= Math.min(MAX_SUGGESTED_DISTANCE, Math.max(1, key.length() / 3))) {
                scored.add(new Scored(item.id(), d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::id));
        int best = scored.isEmpty() ? 0 : scored.getFirst().distance();
        // the same letters and digits as an id (only case or punctuation differ): that id alone
        return scored.stream().filter(x -> best > 0 || x.distance() == 0).limit(MAX_SUGGESTIONS).map(Scored::id).toList();
    }

    /** "; 'dgx-h100x' looks like the server dgx-h100" when a near miss is of another kind, else "". */
    private static String nearestOtherKind(Catalog catalog, String given, ItemKind kind) {
        List<CatalogItem> others = catalog.all().stream().filter(i -> i.kind() != kind).toList();
        List<String> near = nearest(others, given);
        if (near.isEmpty() || !nearest(catalog.ofKind(kind), given).isEmpty()) {
            return "";
        }
        CatalogItem item = catalog.find(near.getFirst()).orElseThrow();
        return "; " + near.getFirst() + " is " + article(item.kind()) + " " + item.kind().label() + ", not " + article(kind) + " " + kind.label();
    }

    /** Lower case without punctuation, so "H100_SXM" and "h100sxm" both match "h100-sxm". */
    static String normalized(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Levenshtein distance (insertions, deletions, substitutions). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitution, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** "a", "a or b", "a, b or c". */
    private static String orList(List<String> ids) {
        return ids.size() == 1 ? ids.getFirst() : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.getLast();
    }

    private static String article(ItemKind kind) {
        return kind == ItemKind.ACCELERATOR ? "an" : "a";
    }
}
