package dev.lrlab.experiment.export;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The lr schedule of a run: a torch.optim.lr_scheduler where PyTorch has the class, LR Lab's closed
 * form (schedules section of the script) for the lessons' decays, sequential/scaled combinations
 * and the curvature lr.
 */
final class ScheduleCode {
    static final List<String> TORCH_TYPES = List.of("step", "multiStep", "exponential", "cosine",
            "cosineWarmRestarts", "cyclic", "oneCycle", "linear", "constantFactor", "polynomial");
    private static final List<String> BETA1_TYPES = List.of("adam", "adamw", "adamax", "nadam", "radam");

    private ScheduleCode() {
    }

    static boolean hasTorchClass(Map<String, Object> s) {
        return TORCH_TYPES.contains(Py.s(s, "type")) && !(Py.s(s, "type").equals("exponential") && s.containsKey("k"));
    }

    /** Whether the script needs the closed forms for this run. */
    static boolean needsMirror(Map<String, Object> s, boolean resetOnRestart, String optType) {
        String t = Py.s(s, "type");
        return resetOnRestart || (!hasTorchClass(s) && !t.equals("constant") && !t.equals("curvature"))
                || (t.equals("cyclic") && Py.b(s, "cycleMomentum") && BETA1_TYPES.contains(optType));
    }

    static String lesson(Map<String, Object> s) {
        return switch (Py.s(s, "type")) {
            case "constant" -> "a constant lr";
            case "step", "multiStep", "exponential", "inverseTime" -> "a decaying lr (S19)";
            case "cosine" -> "cosine annealing (S20)";
            case "cosineWarmRestarts" -> "warm restarts, SGDR (S21)";
            case "cyclic" -> "a cyclical lr (S22)";
            case "oneCycle" -> "the one-cycle policy (S22, S28)";
            case "linear", "constantFactor", "polynomial" -> "a warm-up or linear decay (S28)";
            case "sequential" -> "phases of training one after another (S28)";
            case "scaled" -> "a schedule under an envelope (S23)";
            case "curvature" -> "a curvature-aware lr η = 2·safety/λ̂max (S18)";
            default -> "a schedule";
        };
    }

    /**
     * Lines assigning {@code var} (a TorchSchedule / PlainSchedule / FixedLr) for optimizer {@code opt}
     * with η0 {@code base}.
     */
    static String code(String ind, String var, String opt, Map<String, Object> s, String optType, String base,
                       boolean resetOnRestart) {
        String t = Py.s(s, "type");
        String mirror = needsMirror(s, resetOnRestart, optType) ? mirror(s, base) : null;
        if (t.equals("constant") || t.equals("curvature")) {
            return ind + var + " = FixedLr(" + opt + ")\n";
        }
        if (!hasTorchClass(s)) {
            return Py.comment(ind, "torch has no class for this schedule: LR Lab's closed form, lr(t) set before each step")
                    + ind + var + " = PlainSchedule(" + mirror + ")\n";
        }
        String sched = "torch.optim.lr_scheduler." + torch(s, opt);
        String m = mirror == null ? "" : ", " + mirror;
        if (t.equals("cyclic") && Py.b(s, "cycleMomentum") && BETA1_TYPES.contains(optType)) {
            String plain = sched.replace("cycle_momentum=True", "cycle_momentum=False");
            return ind + "try:\n" + ind + "    " + var + " = TorchSchedule(" + sched + m + ")\n"
                    + ind + "except ValueError:\n"
                    + Py.comment(ind + "    ", "torch < 2.x: CyclicLR cannot cycle Adam's β1 (2.x can); the lr from\n"
                    + "CyclicLR, β1 cycled by hand with the same formula")
                    + ind + "    " + var + " = TorchSchedule(" + plain + m + ", momentum_from_mirror=True)\n";
        }
        return ind + var + " = TorchSchedule(" + sched + m + ")\n";
    }

    private static String torch(Map<String, Object> s, String opt) {
        return switch (Py.s(s, "type")) {
            case "step" -> "StepLR(" + opt + ", step_size=" + Py.integer(s, "stepSize") + ", gamma=" + Py.num(s, "gamma") + ")";
            case "multiStep" -> "MultiStepLR(" + opt + ", milestones=" + Py.list((List<?>) s.get("milestones"))
                    + ", gamma=" + Py.num(s, "gamma") + ")";
            case "exponential" -> "ExponentialLR(" + opt + ", gamma=" + Py.num(s, "gamma") + ")";
            case "cosine" -> "CosineAnnealingLR(" + opt + ", T_max=" + Py.integer(s, "tMax") + ", eta_min="
                    + Py.num(s, "etaMin") + ")";
            case "cosineWarmRestarts" -> "CosineAnnealingWarmRestarts(" + opt + ", T_0=" + Py.integer(s, "t0")
                    + ", T_mult=" + Py.integer(s, "tMult") + ", eta_min=" + Py.num(s, "etaMin") + ")";
            case "cyclic" -> "CyclicLR(" + opt + ", base_lr=" + Py.num(s, "baseLr") + ", max_lr=" + Py.num(s, "maxLr")
                    + ", step_size_up=" + Py.integer(s, "stepSizeUp") + ", step_size_down=" + Py.integer(s, "stepSizeDown")
                    + ", mode=" + Py.str(Py.s(s, "mode")) + ", gamma=" + Py.num(s, "gamma") + ", cycle_momentum="
                    + Py.bool(Py.b(s, "cycleMomentum")) + ", base_momentum=" + Py.num(s, "baseMomentum")
                    + ", max_momentum=" + Py.num(s, "maxMomentum") + ")";
            case "oneCycle" -> "OneCycleLR(" + opt + ", max_lr=" + Py.num(s, "maxLr") + ", total_steps="
                    + Py.integer(s, "totalSteps") + ", pct_start=" + Py.num(s, "pctStart") + ", anneal_strategy="
                    + Py.str(Py.s(s, "annealStrategy")) + ", cycle_momentum=" + Py.bool(Py.b(s, "cycleMomentum"))
                    + ", base_momentum=" + Py.num(s, "baseMomentum") + ", max_momentum=" + Py.num(s, "maxMomentum")
                    + ", div_factor=" + Py.num(s, "divFactor") + ", final_div_factor=" + Py.num(s, "finalDivFactor")
                    + ", three_phase=" + Py.bool(Py.b(s, "threePhase")) + ")";
            case "linear" -> "LinearLR(" + opt + ", start_factor=" + Py.num(s, "startFactor") + ", end_factor="
                    + Py.num(s, "endFactor") + ", total_iters=" + Py.integer(s, "totalIters") + ")";
            case "constantFactor" -> "ConstantLR(" + opt + ", factor=" + Py.num(s, "factor") + ", total_iters="
                    + Py.integer(s, "totalIters") + ")";
            case "polynomial" -> "PolynomialLR(" + opt + ", total_iters=" + Py.integer(s, "totalIters") + ", power="
                    + Py.num(s, "power") + ")";
            default -> throw new IllegalArgumentException(Py.s(s, "type"));
        };
    }

    /** LR Lab's closed form as a Python expression (classes of the schedules section). */
    static String mirror(Map<String, Object> s, String base) {
        return switch (Py.s(s, "type")) {
            case "constant" -> "Constant(" + base + ")";
            case "step" -> "Step(" + base + ", " + Py.integer(s, "stepSize") + ", " + Py.num(s, "gamma") + ")";
            case "multiStep" -> "MultiStep(" + base + ", " + Py.list((List<?>) s.get("milestones")) + ", "
                    + Py.num(s, "gamma") + ")";
            case "exponential" -> s.containsKey("k") ? "ExpDecay(" + base + ", " + Py.num(s, "k") + ")"
                    : "Exponential(" + base + ", " + Py.num(s, "gamma") + ")";
            case "inverseTime" -> "InverseTime(" + base + ", " + Py.num(s, "k") + ")";
            case "cosine" -> "Cosine(" + base + ", " + Py.integer(s, "tMax") + ", " + Py.num(s, "etaMin") + ")";
            case "cosineWarmRestarts" -> "WarmRestarts(" + base + ", " + Py.integer(s, "t0") + ", "
                    + Py.integer(s, "tMult") + ", " + Py.num(s, "etaMin") + ")";
            case "cyclic" -> "Cyclic(" + Py.num(s, "baseLr") + ", " + Py.num(s, "maxLr") + ", "
                    + Py.integer(s, "stepSizeUp") + ", " + Py.integer(s, "stepSizeDown") + ", " + Py.str(Py.s(s, "mode"))
                    + ", " + Py.num(s, "gamma") + ", " + Py.bool(Py.b(s, "cycleMomentum")) + ", "
                    + Py.num(s, "baseMomentum") + ", " + Py.num(s, "maxMomentum") + ")";
            case "oneCycle" -> "OneCycle(" + Py.num(s, "maxLr") + ", " + Py.integer(s, "totalSteps") + ", "
                    + Py.num(s, "pctStart") + ", " + Py.bool("cos".equals(s.get("annealStrategy"))) + ", "
                    + Py.num(s, "divFactor") + ", " + Py.num(s, "finalDivFactor") + ", "
                    + Py.bool(Py.b(s, "threePhase")) + ", " + Py.bool(Py.b(s, "cycleMomentum")) + ", "
                    + Py.num(s, "baseMomentum") + ", " + Py.num(s, "maxMomentum") + ")";
            case "linear" -> "Linear(" + base + ", " + Py.num(s, "startFactor") + ", " + Py.num(s, "endFactor") + ", "
                    + Py.integer(s, "totalIters") + ")";
            case "constantFactor" -> "ConstantFactor(" + base + ", " + Py.num(s, "factor") + ", "
                    + Py.integer(s, "totalIters") + ")";
            case "polynomial" -> "Polynomial(" + base + ", " + Py.integer(s, "totalIters") + ", " + Py.num(s, "power") + ")";
            case "sequential" -> {
                StringJoiner j = new StringJoiner(", ", "[", "]");
                for (Map<String, Object> c : Py.maps(s, "schedules")) {
                    j.add(mirror(c, base));
                }
                yield "Sequential(" + j + ", " + Py.list((List<?>) s.get("milestones")) + ")";
            }
            case "scaled" -> "Scaled(" + mirror(Py.map(s, "schedule"), base) + ", " + mirror(Py.map(s, "envelope"), base)
                    + ", " + base + ")";
            default -> throw new IllegalArgumentException("no closed form for " + s.get("type"));
        };
    }
}
