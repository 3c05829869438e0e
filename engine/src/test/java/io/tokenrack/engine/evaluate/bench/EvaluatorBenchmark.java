package io.tokenrack.engine.evaluate.bench;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Cluster;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the evaluator (the app re-evaluates on every edit): one operating point with
 * automatic parallelism, and a 64-point concurrency curve. Run with
 * {@code bench/jmh.sh io.tokenrack.engine.evaluate.bench}. The CLI's {@code bench} command
 * measures the same two things without JMH.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class EvaluatorBenchmark {
    @Param({"h100-sxm:32:llama-3.1-70b", "gb200:72:deepseek-r1", "b200:8:gpt-oss-120b"})
    public String setup;

    /** Read from a field so the JIT cannot fold it (JMH sample 10). */
    public int concurrency = 256;

    Evaluator evaluator;
    Cluster cluster;
    Workload workload;
    Assumptions assumptions;

    @Setup
    public void setup() {
        String[] p = setup.split(":");
        Catalog catalog = CatalogLoader.loadDefault();
        evaluator = new Evaluator(catalog);
        cluster = evaluator.clusters().standard(p[0], Integer.parseInt(p[1]));
        workload = new Workload(p[2], Precision.FP8, null, 1024, 1024, concurrency, null, null, null, Parallelism.AUTO);
        assumptions = Assumptions.defaults(catalog.facility());
    }

    @Benchmark
    public Evaluation singlePoint() {
        return evaluator.evaluate(cluster, workload, assumptions);
    }

    @Benchmark
    public Object curve64() {
        return evaluator.curve(cluster, workload, assumptions, 64);
    }

    /** The 64-point frontier over serving configurations (layouts × requests in flight). */
    @Benchmark
    public Object frontier64() {
        return evaluator.frontier(cluster, workload, assumptions, 64, io.tokenrack.engine.perf.Batching.CONTINUOUS);
    }
}
