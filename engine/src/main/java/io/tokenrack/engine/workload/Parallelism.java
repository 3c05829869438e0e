package io.tokenrack.engine.workload;

/**
 * How one model replica is split: tensor (tp), pipeline (pp), expert (ep) and attention data (dp)
 * parallel degrees. A null degree means "let the engine choose".
 */
public record Parallelism(Integer tp, Integer pp, Integer ep, Integer dp) {
    public static final Parallelism AUTO = new Parallelism(null, null, null, null);

    public Parallelism {
        check("tp", tp);
        check("pp", pp);
        check("ep", ep);
        check("dp", dp);
    }

    private static void check(String field, Integer v) {
        if (v != null) {
            Limits.positive("parallelism." + field, v, Limits.MAX_ACCELERATORS);
        }
    }

    public boolean isAuto() {
        return tp == null && pp == null && ep == null && dp == null;
    }
}
