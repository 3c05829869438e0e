package io.tokenrack.engine.validate;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.PresetException;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Cluster;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.power.OperatingPoint;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The measured power rows ({@code docs/data/power-calibration.csv}) against the power model: each
 * row is evaluated on the catalog's standard server at the row's operating point, and the model's
 * server wall power (or its throughput at that point over Max-P) compared with the measurement.
 */
public final class PowerCalibration {
    public static final List<String> HEADER = List.of("id", "source_url", "system", "model", "precision", "accelerator", "count", "tp",
            "isl", "osl", "scenario", "operating_point", "metric", "value", "unit", "boundary", "kind", "notes");
    /** Metric: average server power at the AC inlet, W. */
    public static final String SERVER_WALL_WATTS = "serverWallWatts";
    /** Metric: output tokens/s at the row's operating point over the same system at Max-P. */
    public static final String THROUGHPUT_RATIO = "throughputRatioToMaxP";
    /** MLPerf Server's p99 limits for llama2-70b and mixtral-8x7b, applied to the model's mean TTFT and TPOT. */
    static final double SERVER_TTFT_MS = 2000;
    static final double SERVER_TPOT_MS = 200;

    /**
     * One measured row.
     *
     * @param tp       tensor parallelism of the run, null when the source does not give it (the evaluator chooses)
     * @param scenario "offline" (as many requests as fit) or "server" (as many as meet MLPerf Server's latency limits)
     */
    public record Row(String id, String sourceUrl, String system, String model, String precision, String accelerator, int count,
            Integer tp, int isl, int osl, String scenario, OperatingPoint operatingPoint, String metric, double value) {}

    /** A row, the model's figure (NaN when it has none) and why not. */
    public record Result(Row row, double predicted, String problem) {
        public boolean predictedOk() {
            return problem == null;
        }

        /** (predicted − measured) / measured. */
        public double error() {
            return (predicted - row.value()) / row.value();
        }
    }

    /** Error summary of a group of rows. */
    public record Summary(String group, int rows, double medianAbsError, double worstAbsError, double signedMedian) {}

    private PowerCalibration() {}

    /** Whether {@code file}'s first line is this format's header (so {@code validate --data} can tell it from the throughput CSV). */
    public static boolean isPowerFile(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().map(l -> CalibrationCsv.split(l, file.toString(), 1).equals(HEADER)).orElse(false);
        } catch (java.io.IOException | java.io.UncheckedIOException | PresetException e) {
            return false;
        }
    }

    public static List<Row> read(Path file) {
        String name = file.toString();
        byte[] bytes = io.tokenrack.engine.catalog.StrictJson.readBytes(file, name);
        io.tokenrack.engine.catalog.StrictJson.requireUtf8(bytes, name);
        List<String> lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty() || !CalibrationCsv.split(lines.get(0), name, 1).equals(HEADER)) {
            throw new PresetException(name, 1, 1, "header", "expected columns " + String.join(",", HEADER));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int n = i + 1;
            List<String> f = CalibrationCsv.split(lines.get(i), name, n);
            if (f.size() != HEADER.size()) {
                throw new PresetException(name, n, 1, "", "expected " + HEADER.size() + " columns, found " + f.size());
            }
            String scenario = f.get(10).trim();
            if (!scenario.equals("offline") && !scenario.equals("server")) {
                throw new PresetException(name, n, 11, "scenario", "must be offline or server, was \"" + scenario + "\"");
            }
            String metric = f.get(12).trim();
            if (!metric.equals(SERVER_WALL_WATTS) && !metric.equals(THROUGHPUT_RATIO)) {
                throw new PresetException(name, n, 13, "metric", "must be " + SERVER_WALL_WATTS + " or " + THROUGHPUT_RATIO + ", was \"" + metric + "\"");
            }
            OperatingPoint op = parse(f, 11, name, n, OperatingPoint::parse);
            rows.add(new Row(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), positive(f, 6, name, n),
                    f.get(7).isBlank() ? null : positive(f, 7, name, n), positive(f, 8, name, n), positive(f, 9, name, n),
                    scenario, op, metric, parse(f, 13, name, n, s -> {
                        double v = Double.parseDouble(s);
                        if (!(v > 0) || Double.isInfinite(v)) {
                            throw new IllegalArgumentException("must be a positive number, was " + s);
                        }
                        return v;
                    })));
        }
        return rows;
    }

    private static int positive(List<String> f, int col, String file, int line) {
        return parse(f, col, file, line, s -> {
            int v = Integer.parseInt(s);
            if (v <= 0) {
                throw new IllegalArgumentException("must be positive, was " + v);
            }
            return v;
        });
    }

    private static <T> T parse(List<String> f, int col, String file, int line, Function<String, T> p) {
        try {
            return p.apply(f.get(col).trim());
        } catch (NumberFormatException e) {
            throw new PresetException(file, line, col + 1, HEADER.get(col), "expected a number, found \"" + f.get(col) + "\"");
        } catch (IllegalArgumentException e) {
            throw new PresetException(file, line, col + 1, HEADER.get(col), e.getMessage());
        }
    }

    /** Every row predicted with {@code evaluator} (its operating point is replaced by each row's). */
    public static List<Result> run(Evaluator evaluator, Assumptions a, List<Row> rows) {
        List<Result> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(predict(evaluator, a, r));
        }
        return out;
    }

    public static Result predict(Evaluator evaluator, Assumptions a, Row r) {
        Cluster cluster;
        Workload w;
        try {
            cluster = evaluator.clusters().standard(r.accelerator(), r.count());
            boolean server = r.scenario().equals("server");
            w = new Workload(r.model(), Precision.parse(r.precision()), null, r.isl(), r.osl(), null,
                    server ? SERVER_TTFT_MS : null, server ? SERVER_TPOT_MS : null, null, new Parallelism(r.tp(), null, null, null));
        } catch (InputException e) {
            return new Result(r, Double.NaN, e.getMessage());
        }
        Evaluation at = evaluator.withOperatingPoint(r.operatingPoint()).evaluate(cluster, w, a);
        if (!(at instanceof Evaluation.Ok ok)) {
            return new Result(r, Double.NaN, at.message());
        }
        if (r.metric().equals(SERVER_WALL_WATTS)) {
            return new Result(r, ok.power().serverWallWatts(), null);
        }
        Evaluation full = evaluator.withOperatingPoint(OperatingPoint.MAX_P).evaluate(cluster, w, a);
        if (!(full instanceof Evaluation.Ok maxP)) {
            return new Result(r, Double.NaN, full.message());
        }
        return new Result(r, ok.throughput().outputTokensPerSecond() / maxP.throughput().outputTokensPerSecond(), null);
    }

    /** Per metric, then per metric and accelerator, and per metric and model: the groups docs/model.md reports. */
    public static List<Summary> summarize(List<Result> results) {
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        for (Result r : results) {
            if (!r.predictedOk()) {
                continue;
            }
            groups.computeIfAbsent(r.row().metric(), k -> new ArrayList<>()).add(r);
        }
        for (Result r : results) {
            if (r.predictedOk()) {
                groups.computeIfAbsent(r.row().metric() + " " + r.row().accelerator(), k -> new ArrayList<>()).add(r);
            }
        }
        for (Result r : results) {
            if (r.predictedOk()) {
                groups.computeIfAbsent(r.row().metric() + " " + r.row().model(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Summary> out = new ArrayList<>();
        groups.forEach((g, rs) -> out.add(summary(g, rs)));
        return out;
    }

    static Summary summary(String group, List<Result> rs) {
        double[] abs = rs.stream().mapToDouble(x -> Math.abs(x.error())).sorted().toArray();
        double[] signed = rs.stream().mapToDouble(Result::error).sorted().toArray();
        return new Summary(group, rs.size(), median(abs), abs.length == 0 ? Double.NaN : abs[abs.length - 1], median(signed));
    }

    static double median(double[] sorted) {
        double[] v = sorted.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
