package io.tokenrack.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fuzzer of the command line: random and boundary options and corrupted design files, each run
 * through {@link TokenRackCli#run} in this JVM. Every case must end with exit 0, 1 or 2, without a
 * stack trace, with exactly one line on stderr when it fails, and {@code evaluate --json} must
 * never print NaN, Infinity or a negative number. {@link CliFuzzTest} runs a few hundred cases
 * with a fixed seed; {@link #main} runs as many as asked:
 * <pre>
 *   ./mvnw -B -o -q -pl engine -DskipTests package test-compile
 *   java --add-modules jdk.incubator.vector \
 *       -cp engine/target/classes:engine/target/test-classes:engine/target/tokenrack-cli.jar \
 *       io.tokenrack.engine.cli.CliFuzz 20000 [seed] [presets/designs]
 * </pre>
 * It prints the cases per family, the exit codes and each failure with its arguments.
 */
final class CliFuzz {
    /** One case that broke a rule: the family, the arguments, what went wrong, and the output. */
    record Failure(String family, List<String> args, String problem, int exit, String err) {
        @Override
        public String toString() {
            return family + ": " + problem + " (exit " + exit + ")\n  args: " + args + "\n  stderr: "
                    + err.lines().limit(4).reduce((a, b) -> a + "\n          " + b).orElse("");
        }
    }

    static final String[] ACCELERATORS = {"h100-sxm", "h200-sxm", "b200", "gb200", "mi300x", "tpu7x", "groq-lpu", "l40s",
            "tpu-v5e", "inferentia2", "gaudi3", "rubin", "H100-SXM", "nope", "", "dgx-h100", "llama-3.1-8b", "this-computer"};
    static final String[] SANE_ACCELERATORS = {"h100-sxm", "h200-sxm", "b200", "gb200", "mi300x", "mi355x", "tpu7x", "gaudi3",
            "groq-lpu", "l40s", "tpu-v5e", "trainium2", "rubin", "a100-sxm"};
    static final String[] SANE_COUNTS = {"1", "2", "4", "8", "16", "32", "64", "72", "128", "576", "1000"};
    static final String[] SANE_MODELS = {"llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "mixtral-8x7b", "deepseek-r1",
            "gpt-oss-120b", "gpt-oss-20b"};
    static final String[] MODELS = {"llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "mixtral-8x7b", "deepseek-r1",
            "gpt-oss-120b", "gpt-oss-20b", "llama-2-70b", "nope", "", "h100-sxm"};
    static final String[] INTS = {"0", "-1", "1", "2", "3", "4", "7", "8", "16", "64", "72", "128", "1000", "1000000", "1000001",
            "1073741824", "2147483647", "-2147483648", "2147483648", "99999999999", "1e3", "1.5", "abc", ""};
    static final String[] TOKENS = {"1", "2", "128", "1024", "8192", "100000", "131072", "131073", "1000000", "10000000",
            "10000001", "2147483647", "0", "-1"};
    static final String[] DOUBLES = {"NaN", "Infinity", "-Infinity", "1e308", "1e-308", "4.9e-324", "0", "-0", "-1", "0.001",
            "1", "5", "50", "1000", "1e6", "abc", "0x10", ""};
    static final String[] PRECISIONS = {"bf16", "fp8", "fp4", "fp32", "FP8", "int8", ""};
    static final String[] BATCHING = {"continuous", "static", "STATIC", "dynamic"};
    static final String[] POINTS = {"1", "2", "4", "8", "0", "-1", "10000", "10001", "2147483647"};
    static final String[] DESIGNS = {"dgx-h100-4x-air.json", "dgx-b200-2x-air.json", "gb200-nvl72.json", "gb300-nvl72.json",
            "gaudi3-air.json", "mi355x-liquid.json", "broken-example.json"};

    /**
     * Texts that reach the user only when a bug is reported as bad input: the JSON library's and the
     * JDK's own messages, and the step model's internal checks (which the planner must never trip).
     */
    private static final java.util.regex.Pattern INTERNAL_TEXT = java.util.regex.Pattern.compile(
            "Cannot (construct|deserialize|invoke|map)|Infinite or NaN|For input string|out of bounds|because \"|"
                    + "is null|exceeds the model's|degrees must be positive|Source: |com\\.fasterxml|java\\.");

    /** Reads NaN and Infinity as numbers, so that the check below finds them. */
    private static final ObjectMapper LENIENT = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random;
    private final Path dir;
    private final Map<String, String> designs = new LinkedHashMap<>();
    private final Map<String, Integer> casesByFamily = new LinkedHashMap<>();
    private final Map<Integer, Integer> exits = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private int fileNumber;

    CliFuzz(long seed, Path dir, Path presetDesigns) throws IOException {
        this.random = new Random(seed);
        this.dir = dir;
        for (String d : DESIGNS) {
            designs.put(d, Files.readString(presetDesigns.resolve(d)));
        }
    }

    /** Runs {@code cases} cases; returns the failures (empty when every rule held). */
    List<Failure> run(int cases) throws IOException {
        for (int i = 0; i < cases; i++) {
            switch (random.nextInt(4)) {
                case 0, 1 -> options();
                case 2 -> corruptedDesign();
                default -> brokenFile();
            }
        }
        return failures;
    }

    Map<String, Integer> casesByFamily() {
        return casesByFamily;
    }

    Map<Integer, Integer> exits() {
        return exits;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /**
     * evaluate or sweep with N accelerators and random options: half the cases sane (valid ids,
     * ordinary sizes) but for one extreme value, so that they reach the model, the rest extreme anywhere.
     */
    private void options() {
        boolean sane = random.nextBoolean();
        int extreme = random.nextInt(12);
        List<String> a = new ArrayList<>();
        boolean sweep = random.nextInt(5) == 0;
        a.add(sweep ? "sweep" : "evaluate");
        a.add("--no-host-profile");
        a.add("--accelerator=" + (sane && extreme != 0 ? pick(SANE_ACCELERATORS) : pick(ACCELERATORS)));
        a.add("--count=" + (sane && extreme != 1 ? pick(SANE_COUNTS) : random.nextBoolean() ? pick(INTS) : String.valueOf(1 + random.nextInt(600))));
        a.add("--model=" + (sane && extreme != 2 ? pick(SANE_MODELS) : pick(MODELS)));
        a.add("--isl=" + (sane && extreme != 3 ? String.valueOf(1 + random.nextInt(8192)) : pick(TOKENS)));
        a.add("--osl=" + (sane && extreme != 4 ? String.valueOf(1 + random.nextInt(2048)) : pick(TOKENS)));
        if (!sane && random.nextInt(3) == 0 || extreme == 5) {
            a.add("--precision=" + pick(PRECISIONS));
        }
        if (!sane && random.nextInt(5) == 0 || extreme == 6) {
            a.add("--kv-precision=" + pick(PRECISIONS));
        }
        if (random.nextInt(3) == 0) {
            a.add("--batching=" + (sane && extreme != 7 ? pick(new String[] {"continuous", "static"}) : pick(BATCHING)));
        }
        for (String p : new String[] {"--tp", "--pp", "--ep", "--dp"}) {
            if (sane ? extreme == 8 && random.nextInt(3) == 0 : random.nextInt(4) == 0) {
                a.add(p + "=" + (random.nextBoolean() ? pick(INTS) : String.valueOf(1 << random.nextInt(8))));
            }
        }
        if (sweep) {
            a.add("--points=" + (sane && extreme != 9 ? pick(new String[] {"1", "2", "4", "8"}) : pick(POINTS)));
        } else {
            if (!sane && random.nextInt(3) == 0 || extreme == 10) {
                a.add("--concurrency=" + (random.nextBoolean() ? "max" : pick(INTS)));
            }
            for (String p : new String[] {"--min-tokens-per-second-per-user", "--ttft-ms", "--tpot-ms"}) {
                if (!sane && random.nextInt(5) == 0 || extreme == 11 && random.nextInt(2) == 0) {
                    a.add(p + "=" + pick(DOUBLES));
                }
            }
            if (random.nextInt(4) == 0) {
                a.add("--speculative=" + pick(new String[] {"off", "auto", "mtp:1", "mtp:4", "eagle:3", "eagle:16", "draft:llama-3.1-8b:3",
                        "draft:qwen3-32b:2", "mtp:0", "mtp:-1", "eagle:99999999999", "draft::1", "draft:nope:2", ":", "", "MTP:2"}));
                if (random.nextBoolean()) {
                    a.add("--acceptance-length=" + pick(DOUBLES));
                }
            }
            if (random.nextBoolean()) {
                a.add("--json");
            }
        }
        check((sweep ? "options/sweep" : "options/evaluate") + (sane ? "/one-extreme" : "/any-extreme"), a);
    }

    /** A preset design with one value replaced by null, a wrong type, a huge or negative number, or a deep value. */
    private void corruptedDesign() throws IOException {
        String name = pick(DESIGNS);
        JsonNode root = JSON.readTree(designs.get(name));
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && !slots.isEmpty(); m++) {
            slots.get(random.nextInt(slots.size())).set(hostileValue());
        }
        Path f = write(JSON.writeValueAsBytes(root));
        commandOnDesign("design/corrupted", f);
    }

    /** Files that are not JSON designs at all: empty, binary, truncated, other encodings, deep, huge numbers. */
    private void brokenFile() throws IOException {
        String text = designs.get(pick(DESIGNS));
        byte[] bytes = switch (random.nextInt(9)) {
            case 0 -> new byte[0];
            case 1 -> {
                byte[] b = new byte[1 + random.nextInt(4096)];
                random.nextBytes(b);
                yield b;
            }
            case 2 -> text.substring(0, random.nextInt(text.length())).getBytes(StandardCharsets.UTF_8);
            case 3 -> text.getBytes(random.nextBoolean() ? StandardCharsets.UTF_16 : StandardCharsets.UTF_16LE);
            case 4 -> ("{\"formatVersion\":1,\"name\":\"d\",\"racks\":" + "[".repeat(1 + random.nextInt(100_000)) + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            case 5 -> text.replaceFirst("\"formatVersion\": 1", "\"formatVersion\": " + "9".repeat(1 + random.nextInt(2000)))
                    .getBytes(StandardCharsets.UTF_8);
            case 6 -> {
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                yield b;
            }
            case 7 -> text.replaceFirst("\"name\": \"[^\"]*\"", "\"name\": \"\\\\u001b[31m" + "x".repeat(random.nextInt(3) * 600_000) + "\"")
                    .getBytes(StandardCharsets.UTF_8);
            default -> text.replaceFirst("\\{", "{\"formatVersion\": 1,").getBytes(StandardCharsets.UTF_8); // duplicate key
        };
        commandOnDesign("file/broken", write(bytes));
    }

    private void commandOnDesign(String family, Path f) {
        List<String> a = new ArrayList<>();
        switch (random.nextInt(3)) {
            case 0 -> a.addAll(List.of("check", "--no-host-profile", "--design", f.toString()));
            case 1 -> a.addAll(List.of("evaluate", "--no-host-profile", "--design", f.toString(), "--json"));
            default -> a.addAll(List.of("sweep", "--no-host-profile", "--design", f.toString(), "--points", "4"));
        }
        if (random.nextInt(4) == 0) {
            a.add("--json".equals(a.getLast()) ? "--concurrency=" + pick(INTS) : "--model=" + pick(MODELS));
        }
        check(family + "/" + a.getFirst(), a);
    }

    private Path write(byte[] bytes) throws IOException {
        Path f = dir.resolve("case-" + (fileNumber++ % 64) + ".json");
        Files.write(f, bytes);
        return f;
    }

    private JsonNode hostileValue() {
        JsonNodeFactory n = JsonNodeFactory.instance;
        return switch (random.nextInt(16)) {
            case 0 -> n.nullNode();
            case 1 -> n.numberNode(Integer.MAX_VALUE);
            case 2 -> n.numberNode(Integer.MIN_VALUE);
            case 3 -> n.numberNode(-1);
            case 4 -> n.numberNode(0);
            case 5 -> n.numberNode(1e308);
            case 6 -> n.numberNode(4.9e-324);
            case 7 -> n.numberNode(1073741824);
            case 8 -> n.textNode("");
            case 9 -> n.textNode("x".repeat(random.nextInt(2000)));
            case 10 -> n.booleanNode(true);
            case 11 -> n.arrayNode().add(n.nullNode());
            case 12 -> n.objectNode();
            case 13 -> n.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(200))));
            case 14 -> n.numberNode(random.nextInt(100_000));
            default -> n.textNode("\u001b]0;x\u0007");
        };
    }

    /** A place in the tree that can take another value. */
    private interface Slot {
        void set(JsonNode value);
    }

    private static void collect(JsonNode node, List<Slot> out) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                out.add(v -> o.set(key, v));
                collect(o.get(key), out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                int index = i;
                out.add(v -> a.set(index, v));
                collect(a.get(i), out);
            }
        }
    }

    private void check(String family, List<String> args) {
        casesByFamily.merge(family, 1, Integer::sum);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try {
            exit = TokenRackCli.run(out, err, args.toArray(String[]::new));
        } catch (Throwable t) {
            failures.add(new Failure(family, args, "threw " + t, -1, String.valueOf(t)));
            return;
        }
        exits.merge(exit, 1, Integer::sum);
        String e = err.toString();
        String problem = null;
        if (exit != 0 && exit != 1 && exit != 2) {
            problem = "exit code " + exit;
        } else if (e.contains("\tat ") || e.contains("Exception") || e.contains("internal error")) {
            problem = "a stack trace or exception name on stderr";
        } else if (exit == 2 && e.strip().lines().count() != 1) {
            problem = "stderr is not one line";
        } else if (INTERNAL_TEXT.matcher(e).find()) {
            problem = "a library's or an internal check's text, not a message for the user";
        } else if (exit == 0 && args.contains("--json") && "evaluate".equals(args.getFirst())) {
            problem = badNumber(out.toString());
        } else if (exit == 0 && "sweep".equals(args.getFirst()) && out.toString().lines().count() < 2) {
            problem = "sweep printed only its header";
        }
        if (problem != null) {
            failures.add(new Failure(family, args, problem, exit, e));
        }
    }

    /** The first number in the JSON that is NaN, infinite or negative, described; null when there is none. */
    static String badNumber(String json) {
        JsonNode root;
        try {
            root = LENIENT.readTree(json);
        } catch (IOException e) {
            return "evaluate --json printed no valid JSON: " + e.getMessage();
        }
        return badNumber(root, "");
    }

    private static String badNumber(JsonNode node, String path) {
        if (node.isNumber()) {
            double v = node.doubleValue();
            return Double.isFinite(v) && v >= 0 ? null : "evaluate --json has " + path + " = " + node.asText();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String bad = badNumber(e.getValue(), path + "." + e.getKey());
            if (bad != null) {
                return bad;
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            String bad = badNumber(node.get(i), path + "[" + i + "]");
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    public static void main(String[] args) throws IOException {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        Path dir = Files.createTempDirectory("cli-fuzz");
        CliFuzz fuzz = new CliFuzz(seed, dir, Path.of(args.length > 2 ? args[2] : "presets/designs"));
        long start = System.nanoTime();
        List<Failure> failures = fuzz.run(cases);
        System.out.printf("%d cases, seed %d, %.0f s%n", cases, seed, (System.nanoTime() - start) / 1e9);
        System.out.println("families: " + fuzz.casesByFamily());
        System.out.println("exit codes: " + fuzz.exits());
        System.out.println(failures.size() + " failures");
        failures.stream().limit(40).forEach(System.out::println);
    }
}
