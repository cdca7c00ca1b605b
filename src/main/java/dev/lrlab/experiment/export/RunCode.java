package dev.lrlab.experiment.export;

import java.util.List;
import java.util.Map;

/** One run as a Python function {@code run_<i>()} returning its recorded rows. */
final class RunCode {
    private RunCode() {
    }

    static String code(int index, Map<String, Object> run, boolean game, int dim) {
        Map<String, Object> o = Py.map(run, "optimizer");
        Map<String, Object> s = Py.map(run, "schedule");
        String optType = Py.s(o, "type");
        boolean reset = Py.b(run, "resetMomentumOnRestart");
        int every = Py.i(Py.map(run, "record"), "every");
        StringBuilder sb = new StringBuilder();
        sb.append("\n\ndef run_").append(index).append("():\n");
        sb.append("    \"\"\"Run ").append(index).append(": ").append(optType).append(" with ").append(ScheduleCode.lesson(s))
                .append(".\"\"\"\n");
        // the label as a literal in a comment: escaped to one line, it cannot leave the comment
        sb.append("    # label: ").append(Py.str(Py.s(run, "label"))).append('\n');
        List<?> start = (List<?>) run.get("start");
        if (game) {
            Map<String, Object> g = Py.map(run, "game");
            Map<String, Object> yo = Py.map(g, "yOptimizer");
            sb.append("    x = torch.tensor(").append(Py.list(start.subList(0, 1))).append(", requires_grad=True)\n");
            sb.append("    y = torch.tensor(").append(Py.list(start.subList(1, start.size()))).append(", requires_grad=True)\n");
            sb.append(OptimizerCode.code("    ", "opt_x", "[x]", o));
            sb.append(OptimizerCode.code("    ", "opt_y", "[y]", yo));
            sb.append(ScheduleCode.code("    ", "sched_x", "opt_x", s, optType, Py.num(o, "lr"), reset));
            sb.append(ScheduleCode.code("    ", "sched_y", "opt_y", s, Py.s(yo, "type"), Py.num(yo, "lr"), reset));
            sb.append("    return simulate_game(x, y, opt_x, opt_y, sched_x, sched_y, steps=").append(Py.integer(run, "steps"))
                    .append(", method=").append(Py.str(Py.s(g, "method"))).append(", every=").append(every)
                    .append(", reset_on_restart=").append(Py.bool(reset)).append(")\n");
            return sb.toString();
        }
        sb.append("    theta = torch.tensor(").append(Py.list(start)).append(", requires_grad=True)\n");
        sb.append(OptimizerCode.code("    ", "optimizer", "[theta]", o));
        sb.append(ScheduleCode.code("    ", "schedule", "optimizer", s, optType, Py.num(o, "lr"), reset));
        StringBuilder args = new StringBuilder();
        args.append("steps=").append(Py.integer(run, "steps"));
        if (every != 1) {
            args.append(", every=").append(every);
        }
        if (run.get("clipNorm") != null) {
            args.append(", clip_norm=").append(Py.num(run, "clipNorm"));
        }
        Map<String, Object> noise = Py.map(run, "noise");
        if (noise != null) {
            switch (Py.s(noise, "type")) {
                case "gaussian" -> {
                    sb.append(Py.comment("    ", "NOT EXACT: gaussian gradient noise from torch's generator, not LR Lab's;\n"
                            + "the trajectory is a different sample of the same process."));
                    args.append(", noise=('gaussian', ").append(Py.num(noise, "sigma")).append(", ")
                            .append(Py.integer(noise, "batchSize")).append(")");
                }
                case "thermostat" -> {
                    sb.append(Py.comment("    ", "NOT EXACT: the thermostat's noise comes from torch's generator, not LR Lab's."));
                    args.append(", noise=('thermostat', ").append(Py.num(noise, "targetK")).append(")");
                }
                default -> args.append(", noise=('minibatch', ").append(Py.integer(noise, "batchSize"))
                        .append(", None, SplittableRandom(").append(Py.integer(run, "seed")).append("))");
            }
        }
        Map<String, Object> rb = Py.map(run, "rollback");
        if (rb != null) {
            args.append(", rollback={'ratio': ").append(Py.num(rb, "ratio")).append(", 'factor': ")
                    .append(Py.num(rb, "factor")).append(", 'maxRetries': ").append(Py.integer(rb, "maxRetries")).append("}");
        }
        if (reset) {
            args.append(", reset_on_restart=True");
        }
        if (Py.s(s, "type").equals("curvature")) {
            args.append(", curvature=Curvature(").append(Py.num(s, "safety")).append(", ")
                    .append(Py.integer(s, "powerIterations")).append(", ").append(Py.num(o, "lr")).append(", ")
                    .append(dim).append(")");
        }
        args.append(", seed=").append(Py.integer(run, "seed"));
        sb.append("    return simulate(theta, optimizer, schedule, ").append(args).append(")\n");
        return sb.toString();
    }
}
