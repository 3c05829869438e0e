package io.tokenrack.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.design.DesignCheck;
import io.tokenrack.engine.design.DesignIO;
import io.tokenrack.engine.design.Finding;
import io.tokenrack.engine.design.Finding.Severity;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackPowerEstimate;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Cluster;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.ModelledRackPower;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tokenrack check}: the findings of {@link DesignCheck} for one design file. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a design: catalog ids, rack units, power, cooling, weight, scale-up domains and network.",
                "Exit code 0: no errors; 1: the design has errors; 2: the design or presets cannot be read."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PresetsOption presets;

    @Option(names = "--design", paramLabel = "FILE", required = true, description = "The design file (JSON, see docs/design-format.md).")
    Path design;

    @Option(names = "--json", description = "Print an object with design, findings, errors, warnings and infos.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        RackDesign d = DesignIO.read(design);
        Catalog catalog = presets.catalog();
        List<Finding> findings;
        if (d.workload() == null) {
            findings = DesignCheck.check(d, catalog);
        } else {
            Evaluator evaluator = presets.evaluator();
            Cluster cluster = cluster(d, evaluator);
            Evaluation e = cluster == null ? null
                    : evaluator.evaluate(cluster, d.workload(), Assumptions.defaults(catalog.facility()));
            RackPowerEstimate power = e == null ? RackPowerEstimate.nameplate() : ModelledRackPower.of(e);
            findings = DesignCheck.withWorkload(DesignCheck.checkModelled(d, catalog, power),
                    e instanceof Evaluation.Failed failed ? failed.message() : null);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? toJson(d, findings) + "\n" : toText(d, findings));
        out.flush();
        return DesignCheck.hasErrors(findings) ? CliSupport.FINDINGS : CliSupport.OK;
    }

    static String toText(RackDesign d, List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        int rackWidth = 1;
        for (Finding f : findings) {
            rackWidth = Math.max(rackWidth, rack(f).length());
        }
        for (Finding f : findings) {
            sb.append(String.format("%-7s  %-" + rackWidth + "s  %s  [%s]%n", f.severity().label(), rack(f), f.message(), f.code()));
        }
        sb.append(d.name()).append(": ").append(summary(findings)).append('\n');
        return sb.toString();
    }

    private static String rack(Finding f) {
        return f.rackId() == null ? "-" : f.rackId();
    }

    private static String summary(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "no findings.";
        }
        return count(findings, Severity.ERROR, "error") + ", " + count(findings, Severity.WARNING, "warning") + ", "
                + count(findings, Severity.INFO, "info") + ".";
    }

    private static String count(List<Finding> findings, Severity s, String word) {
        long n = findings.stream().filter(f -> f.severity() == s).count();
        return n + " " + word + (n == 1 ? "" : "s");
    }

    static String toJson(RackDesign d, List<Finding> findings) throws JsonProcessingException {
        ObjectMapper mapper = StrictJson.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("design", d.name());
        root.set("findings", mapper.valueToTree(findings));
        root.put("errors", findings.stream().filter(f -> f.severity() == Severity.ERROR).count());
        root.put("warnings", findings.stream().filter(f -> f.severity() == Severity.WARNING).count());
        root.put("infos", findings.stream().filter(f -> f.severity() == Severity.INFO).count());
        return mapper.writeValueAsString(root);
    }

    /** The design as the engine's cluster; null when it cannot even be read as one (the findings say why). */
    static Cluster cluster(RackDesign d, Evaluator evaluator) {
        try {
            return evaluator.clusters().fromDesign(d);
        } catch (InputException e) {
            return null;
        }
    }
}
