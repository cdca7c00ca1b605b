package dev.lrlab.experiment.export;

import java.util.Map;

/** The optimizer of one run (or one game player) as torch.optim, or LR Lab's own rule where torch has none. */
final class OptimizerCode {
    private OptimizerCode() {
    }

    /** True when torch.optim cannot run this optimizer as configured (float16 moments, ε inside). */
    static boolean needsOwnRule(Map<String, Object> o) {
        return "float16".equals(o.get("precision")) || "inside".equals(o.get("epsPlacement"));
    }

    /** True when the run also needs LR Lab's rule as a fallback for an older torch. */
    static boolean mayNeedOwnRule(Map<String, Object> o) {
        String t = Py.s(o, "type");
        return needsOwnRule(o) || t.equals("nadam") || (t.equals("radam") && Py.b(o, "decoupledWeightDecay"));
    }

    /** Lines assigning {@code var} = the optimizer over {@code params} (indented by {@code ind}). */
    static String code(String ind, String var, String params, Map<String, Object> o) {
        String t = Py.s(o, "type");
        if (needsOwnRule(o)) {
            String why = "float16".equals(o.get("precision"))
                    ? "float16 moments: every moment buffer is rounded to binary16 after each update (S15),\n"
                    + "which torch.optim cannot do inside its step, so LR Lab's rule is spelled out (optim section)."
                    : "ε inside the square root, √(v + ε) as in the lessons: torch.optim adds it outside, so\n"
                    + "LR Lab's rule is spelled out (optim section).";
            return Py.comment(ind, why) + ind + var + " = " + own(params, o) + "\n";
        }
        if (t.equals("nadam")) {
            return ind + "if 'decoupled_weight_decay' in inspect.signature(torch.optim.NAdam).parameters:\n"
                    + ind + "    " + var + " = " + torchOpt(params, o) + "\n"
                    + ind + "else:\n"
                    + Py.comment(ind + "    ", "torch < 2.x: NAdam's μ product differs (pytorch#92699) and there is no\n"
                    + "decoupled_weight_decay; the PyTorch 2.x rule, written out, instead")
                    + ind + "    " + var + " = " + own(params, o) + "\n";
        }
        if (t.equals("radam") && Py.b(o, "decoupledWeightDecay")) {
            return ind + "if 'decoupled_weight_decay' in inspect.signature(torch.optim.RAdam).parameters:\n"
                    + ind + "    " + var + " = " + torchOpt(params, o) + "\n"
                    + ind + "else:\n"
                    + Py.comment(ind + "    ", "torch < 2.x has no decoupled_weight_decay for RAdam; the same rule with\n"
                    + "θ ← θ·(1 − lr·wd) before the update, written out, instead")
                    + ind + "    " + var + " = " + own(params, o) + "\n";
        }
        return ind + var + " = " + torchOpt(params, o) + "\n";
    }

    private static String torchOpt(String params, Map<String, Object> o) {
        String t = Py.s(o, "type");
        String lr = "lr=" + Py.num(o, "lr");
        String betas = o.containsKey("beta1") ? "betas=(" + Py.num(o, "beta1") + ", " + Py.num(o, "beta2") + ")" : "";
        String eps = o.containsKey("eps") ? "eps=" + Py.num(o, "eps") : "";
        String wd = "weight_decay=" + Py.num(o, "weightDecay");
        // foreach=False: the single-tensor kernels, whose order of operations LR Lab follows
        String args = switch (t) {
            case "sgd" -> "SGD(" + params + ", " + lr + ", momentum=" + Py.num(o, "momentum") + ", dampening="
                    + Py.num(o, "dampening") + ", nesterov=" + Py.bool(Py.b(o, "nesterov")) + ", " + wd;
            case "adagrad" -> "Adagrad(" + params + ", " + lr + ", lr_decay=" + Py.num(o, "lrDecay") + ", " + wd
                    + ", initial_accumulator_value=" + Py.num(o, "initialAccumulatorValue") + ", " + eps;
            case "rmsprop" -> "RMSprop(" + params + ", " + lr + ", alpha=" + Py.num(o, "alpha") + ", " + eps + ", " + wd
                    + ", momentum=" + Py.num(o, "momentum") + ", centered=" + Py.bool(Py.b(o, "centered"));
            case "adadelta" -> "Adadelta(" + params + ", " + lr + ", rho=" + Py.num(o, "rho") + ", " + eps + ", " + wd;
            case "adam", "adamw" -> (t.equals("adam") ? "Adam(" : "AdamW(") + params + ", " + lr + ", " + betas + ", "
                    + eps + ", " + wd + ", amsgrad=" + Py.bool(Py.b(o, "amsgrad"));
            case "adamax" -> "Adamax(" + params + ", " + lr + ", " + betas + ", " + eps + ", " + wd;
            case "nadam" -> "NAdam(" + params + ", " + lr + ", " + betas + ", " + eps + ", " + wd + ", momentum_decay="
                    + Py.num(o, "momentumDecay") + ", decoupled_weight_decay=" + Py.bool(Py.b(o, "decoupledWeightDecay"));
            case "radam" -> "RAdam(" + params + ", " + lr + ", " + betas + ", " + eps + ", " + wd
                    + (Py.b(o, "decoupledWeightDecay") ? ", decoupled_weight_decay=True" : "");
            default -> throw new IllegalArgumentException(t);
        };
        return "torch.optim." + args + ", foreach=False)";
    }

    private static String own(String params, Map<String, Object> o) {
        String t = Py.s(o, "type");
        StringBuilder sb = new StringBuilder("LrLabOptimizer(" + params + ", " + Py.str(t) + ", lr=" + Py.num(o, "lr"));
        if ("float16".equals(o.get("precision"))) {
            sb.append(", half=True");
        }
        if ("inside".equals(o.get("epsPlacement"))) {
            sb.append(", eps_inside=True");
        }
        sb.append(", weight_decay=").append(Py.num(o, "weightDecay"));
        if (t.equals("adamw") || Py.b(o, "decoupledWeightDecay")) {
            sb.append(", decoupled=True");
        }
        switch (t) {
            case "sgd" -> sb.append(", momentum=").append(Py.num(o, "momentum")).append(", dampening=")
                    .append(Py.num(o, "dampening")).append(", nesterov=").append(Py.bool(Py.b(o, "nesterov")));
            case "adagrad" -> sb.append(", lr_decay=").append(Py.num(o, "lrDecay")).append(", initial_accumulator_value=")
                    .append(Py.num(o, "initialAccumulatorValue")).append(", eps=").append(Py.num(o, "eps"));
            case "rmsprop" -> sb.append(", momentum=").append(Py.num(o, "momentum")).append(", alpha=")
                    .append(Py.num(o, "alpha")).append(", eps=").append(Py.num(o, "eps")).append(", centered=")
                    .append(Py.bool(Py.b(o, "centered")));
            case "adadelta" -> sb.append(", rho=").append(Py.num(o, "rho")).append(", eps=").append(Py.num(o, "eps"));
            default -> {
                sb.append(", betas=(").append(Py.num(o, "beta1")).append(", ").append(Py.num(o, "beta2"))
                        .append("), eps=").append(Py.num(o, "eps"));
                if (t.equals("adam") || t.equals("adamw")) {
                    sb.append(", amsgrad=").append(Py.bool(Py.b(o, "amsgrad")));
                }
                if (t.equals("nadam")) {
                    sb.append(", momentum_decay=").append(Py.num(o, "momentumDecay"));
                }
            }
        }
        return sb.append(")").toString();
    }
}
