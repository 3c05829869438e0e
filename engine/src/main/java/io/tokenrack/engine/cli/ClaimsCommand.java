package io.tokenrack.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.claims.ClaimCheck;
import io.tokenrack.engine.claims.ClaimsFile;
import io.tokenrack.engine.claims.ModelAnswer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claims}: vendor claims with their conditions and sources, each beside what the model gives for the closest setup it can build. */
@Command(name = "claims", mixinStandardHelpOptions = true,
        description = "Vendor claims (not measurements) beside what the model gives for the closest setup it can build.")
final class ClaimsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PresetsOption presets;

    @Option(names = "--json", description = "print a JSON array: each claim with its conditions, source and the model's answer")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var catalog = presets.catalog();
        List<ModelAnswer> answers = new ClaimCheck(catalog).answers(ClaimsFile.loadDefault().claims());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(StrictJson.mapper().writeValueAsString(toJson(answers)));
        } else {
            out.println("Vendor claims beside the model. A claim is not a measurement; the model's number is for the closest setup it can build.");
            for (ModelAnswer a : answers) {
                var c = a.claim();
                out.println();
                out.println("\"" + c.claim() + "\"");
                out.println("  by             " + c.by());
                out.println("  conditions     " + c.conditions());
                out.println("  source         " + c.source());
                out.println("  model gives    " + answerText(a));
                out.println("  closest setup  " + c.closestSetup());
            }
        }
        out.flush();
        return CliSupport.OK;
    }

    /** "2.6× outputTokensPerJoule (2.1–3.0×)", "224 tokensPerSecondPerUser (215–240)", or "no number: why". */
    static String answerText(ModelAnswer a) {
        if (!a.ok()) {
            return "no number: " + a.failure();
        }
        String unit = a.ratio() ? "×" : "";
        String what = a.ratio() ? " " + a.claim().metric() + " (" + a.claim().setup().text() + " ÷ " + a.claim().baseline().text() + ")"
                : " " + a.claim().metric() + " (" + a.claim().setup().text() + ")";
        String range = a.high() > a.low() ? ", range " + RangeText.num(a.low()) + unit + "–" + RangeText.num(a.high()) + unit : "";
        return RangeText.num(a.value()) + unit + what + range;
    }

    private static ArrayNode toJson(List<ModelAnswer> answers) {
        ArrayNode arr = StrictJson.mapper().createArrayNode();
        for (ModelAnswer a : answers) {
            var c = a.claim();
            ObjectNode o = arr.addObject();
            o.put("id", c.id());
            o.put("claim", c.claim());
            o.put("by", c.by());
            o.put("conditions", c.conditions());
            o.put("source", c.source());
            o.put("measurement", false);
            o.put("metric", c.metric());
            o.put("closestSetup", c.closestSetup());
            ObjectNode m = o.putObject("model");
            m.put("kind", a.ratio() ? "ratio" : "value");
            EvaluationJson.num(m, "value", a.value());
            EvaluationJson.num(m, "low", a.low());
            EvaluationJson.num(m, "high", a.high());
            if (!a.ok()) {
                m.put("failure", a.failure());
            }
        }
        return arr;
    }
}
