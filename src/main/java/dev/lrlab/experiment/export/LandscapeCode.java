package dev.lrlab.experiment.export;

import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.core.landscape.LinearRegression;
import dev.lrlab.core.landscape.NonStationary;
import java.util.List;
import java.util.Map;

/**
 * The landscape as torch functions of θ: {@code base_loss(theta)}, {@code loss_fn(theta, step)} and
 * the Hessian-vector product the curvature lr uses (exact by autograd where LR Lab's is exact,
 * LR Lab's central difference of gradients otherwise).
 */
final class LandscapeCode {
    /** Data sets up to this many numbers are written into the script; larger ones are not exact. */
    static final int MAX_EMBEDDED_VALUES = 20_000;

    private LandscapeCode() {
    }

    static String lesson(Map<String, Object> l) {
        return switch (Py.s(l, "type")) {
            case "quadratic" -> "f(θ) = ½ θᵀAθ: plain gradient descent is stable only for η < 2/λmax (S1, S3).";
            case "rosenbrock" -> "Rosenbrock's curved valley: a steep wall and a flat floor (S3, S16).";
            case "doubleWell" -> "A double well θ⁴ − 2aθ² + bθ: which valley the run ends in depends on the lr (S25).";
            case "flatSharp" -> "A wide and a narrow basin: a large lr cannot stay in the sharp one (S26).";
            case "linearRegression" -> "Least squares on generated data: the Hessian is XᵀX/n (S2, S4, S5).";
            case "nonStationary" -> "The gradient scale jumps mid-run: adaptive methods must re-adapt (S11).";
            case "bilinear", "quadraticGame" -> "A minimax game: x descends, y ascends; the update order decides (S29).";
            default -> "A classic test function of optimisation.";
        };
    }

    /** True when the landscape's data cannot be written into the script. */
    static boolean dataTooLarge(Map<String, Object> l) {
        Map<String, Object> base = Py.s(l, "type").equals("nonStationary") ? Py.map(l, "base") : l;
        return base.get("type").equals("linearRegression")
                && (double) Py.i(base, "n") * (Py.i(base, "features") + 1) > MAX_EMBEDDED_VALUES;
    }

    static String code(Map<String, Object> l, Landscape landscape) {
        StringBuilder sb = new StringBuilder();
        sb.append("DIM = ").append(landscape.dim()).append('\n');
        Map<String, Object> base = l;
        Landscape baseLandscape = landscape;
        if (Py.s(l, "type").equals("nonStationary")) {
            base = Py.map(l, "base");
            baseLandscape = ((NonStationary) landscape).base();
        }
        sb.append(data(base, baseLandscape));
        sb.append("\n\ndef base_loss(theta):\n");
        sb.append(body(base));
        sb.append("\n\ndef loss_fn(theta, step):\n");
        if (Py.s(l, "type").equals("nonStationary")) {
            sb.append("    \"\"\"The loss (and so the gradient) is multiplied by ").append(Py.num(l, "gradientScale"))
                    .append(" from state ").append(Py.integer(l, "atStep")).append(" on.\"\"\"\n");
            sb.append("    scale = ").append(Py.num(l, "gradientScale")).append(" if step >= ")
                    .append(Py.integer(l, "atStep")).append(" else 1.0\n");
            sb.append("    return scale * base_loss(theta)\n");
        } else {
            sb.append("    return base_loss(theta)\n");
        }
        sb.append(hvp(Py.s(base, "type")));
        return sb.toString();
    }

    private static String data(Map<String, Object> l, Landscape landscape) {
        String type = Py.s(l, "type");
        if (type.equals("quadratic")) {
            return "A = torch.tensor(" + matrixOrDiagonal(l) + ")\n";
        }
        if (!type.equals("linearRegression")) {
            return "";
        }
        int n = Py.i(l, "n");
        int p = Py.i(l, "features");
        StringBuilder sb = new StringBuilder();
        sb.append("N_SAMPLES = ").append(n).append('\n');
        if (dataTooLarge(l)) {
            sb.append(Py.comment("", "NOT EXACT: LR Lab's data set (n × features = " + n * p + " numbers) is too large to "
                    + "write here,\nso this script draws its own with torch's generator: the numbers differ from LR Lab's.\n"
                    + "X ~ N(0,1)·featureScale, w* ~ N(0,1), y = X·w* + noise·N(0,1)."));
            sb.append("_gen = torch.Generator().manual_seed(").append(Py.integer(l, "seed")).append(")\n");
            sb.append("TRUE_W = torch.randn(").append(p).append(", generator=_gen)\n");
            sb.append("X = torch.randn(").append(n).append(", ").append(p).append(", generator=_gen) * torch.tensor(")
                    .append(Py.list((List<?>) l.get("featureScale"))).append(")\n");
            sb.append("Y = X @ TRUE_W + ").append(Py.num(l, "noise")).append(" * torch.randn(").append(n)
                    .append(", generator=_gen)\n");
            return sb.toString();
        }
        LinearRegression lr = (LinearRegression) landscape;
        double[] x = lr.features();
        sb.append(Py.comment("", "LR Lab's data set, generated from seed " + Py.integer(l, "seed")
                + " (X ~ N(0,1)·featureScale, y = X·w* + noise·N(0,1)),\nwritten out so that the script sees "
                + "the very same numbers."));
        sb.append("X = torch.tensor([\n");
        for (int i = 0; i < n; i++) {
            double[] row = new double[p];
            System.arraycopy(x, i * p, row, 0, p);
            sb.append("    ").append(Py.list(row)).append(",\n");
        }
        sb.append("])\nY = torch.tensor(").append(Py.list(lr.targets())).append(")\n");
        return sb.toString();
    }

    /** A as LR Lab builds it (a rotation R·diag·Rᵀ computed here, with the same operations). */
    private static String matrixOrDiagonal(Map<String, Object> l) {
        if (l.get("matrix") != null) {
            @SuppressWarnings("unchecked")
            List<List<Object>> rows = (List<List<Object>>) l.get("matrix");
            StringBuilder sb = new StringBuilder("[");
            for (List<Object> r : rows) {
                sb.append(sb.length() > 1 ? ", " : "").append(Py.list(r));
            }
            return sb.append("]").toString();
        }
        List<?> ev = (List<?>) l.get("eigenvalues");
        double angle = l.get("angleDeg") == null ? 0 : ((Number) l.get("angleDeg")).doubleValue();
        if (angle == 0 || ev.size() != 2) {
            return Py.list(ev); // diagonal: the eigenvalues themselves
        }
        double l1 = ((Number) ev.get(0)).doubleValue();
        double l2 = ((Number) ev.get(1)).doubleValue();
        double t = Math.toRadians(angle);
        double c = Math.cos(t);
        double s = Math.sin(t);
        return "[" + Py.list(new double[]{l1 * c * c + l2 * s * s, (l1 - l2) * c * s}) + ", "
                + Py.list(new double[]{(l1 - l2) * c * s, l1 * s * s + l2 * c * c}) + "]";
    }

    static boolean dense(Map<String, Object> l) {
        if (l.get("matrix") != null) {
            return true;
        }
        double angle = l.get("angleDeg") == null ? 0 : ((Number) l.get("angleDeg")).doubleValue();
        return angle != 0 && ((List<?>) l.get("eigenvalues")).size() == 2;
    }

    private static String body(Map<String, Object> l) {
        String xy = "    x, y = theta[0], theta[1]\n";
        return switch (Py.s(l, "type")) {
            case "quadratic" -> dense(l)
                    ? "    \"\"\"½ θᵀAθ, A rotated by " + Py.num(l, "angleDeg") + "° (eigenvalues "
                    + Py.list((List<?>) l.get("eigenvalues")) + ").\"\"\"\n    return 0.5 * (theta @ (A @ theta))\n"
                    : "    \"\"\"½ Σ aᵢθᵢ² with the eigenvalues aᵢ on the diagonal.\"\"\"\n"
                    + "    return 0.5 * torch.sum(A * theta * theta)\n";
            case "rosenbrock" -> xy + "    return (" + Py.num(l, "a") + " - x) ** 2 + " + Py.num(l, "b")
                    + " * (y - x * x) ** 2\n";
            case "beale" -> xy + "    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y * y * y) ** 2\n";
            case "himmelblau" -> xy + "    return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2\n";
            case "saddle" -> xy + "    return x * x - y * y\n";
            case "rastrigin" -> "    return torch.sum(theta * theta - " + Py.num(l, "A")
                    + " * torch.cos((2 * math.pi) * theta))\n";
            case "doubleWell" -> "    t = theta[0]\n    return t ** 4 - 2 * " + Py.num(l, "a") + " * t ** 2 + "
                    + Py.num(l, "b") + " * t\n";
            case "flatSharp" -> flatSharp(l);
            case "linearRegression" -> "    \"\"\"½·mean((Xθ − y)²).\"\"\"\n    return 0.5 * torch.mean((X @ theta - Y) ** 2)\n";
            case "bilinear" -> xy + "    return x * y\n";
            case "quadraticGame" -> xy + "    return 0.5 * " + Py.num(l, "a") + " * x * x + " + Py.num(l, "b")
                    + " * x * y - 0.5 * " + Py.num(l, "c") + " * y * y\n";
            default -> throw new IllegalArgumentException("no export for landscape " + l.get("type"));
        };
    }

    private static String flatSharp(Map<String, Object> l) {
        List<?> fc = (List<?>) l.get("flatCenter");
        List<?> sc = (List<?>) l.get("sharpCenter");
        return "    \"\"\"A weak bowl with a wide basin (flat minimum) and a narrow one (sharp minimum).\"\"\"\n"
                + "    flat = theta - torch.tensor(" + Py.list(fc) + ")\n"
                + "    sharp = theta - torch.tensor(" + Py.list(sc) + ")\n"
                + "    fw, sw = " + Py.num(l, "flatWidth") + ", " + Py.num(l, "sharpWidth") + "\n"
                + "    return (0.5 * " + Py.num(l, "bowl") + " * torch.sum(theta * theta)\n"
                + "            - " + Py.num(l, "flatDepth") + " * torch.exp(-torch.sum(flat * flat) / (2 * fw * fw))\n"
                + "            - " + Py.num(l, "sharpDepth") + " * torch.exp(-torch.sum(sharp * sharp) / (2 * sw * sw)))\n";
    }

    /** LR Lab's Hessian-vector product is exact for these (A, XᵀX/n, Rastrigin's diagonal). */
    static boolean exactHvp(String type) {
        return type.equals("quadratic") || type.equals("linearRegression") || type.equals("rastrigin");
    }

    private static String hvp(String type) {
        if (exactHvp(type)) {
            return """


                    def hessian_vector_product(theta, v):
                        \"\"\"H(θ)·v by differentiating the gradient once more (exact here, as in LR Lab).\"\"\"
                        x = theta.detach().clone().requires_grad_(True)
                        g, = torch.autograd.grad(base_loss(x), x, create_graph=True)
                        hv, = torch.autograd.grad(g, x, grad_outputs=torch.tensor(v))
                        return hv.tolist()
                    """;
        }
        return """


                def hessian_vector_product(theta, v):
                    \"\"\"H(θ)·v as LR Lab estimates it: a central difference of gradients along v,
                    h = 1e-5·max(1, ‖θ‖)/‖v‖.\"\"\"
                    vn = math.sqrt(sum(vi * vi for vi in v))
                    if vn == 0:
                        return [0.0] * len(v)
                    xn = 0.0
                    for xi in theta.tolist():
                        xn += xi * xi
                    h = 1e-5 * max(1.0, math.sqrt(xn)) / vn
                    vt = torch.tensor(v)

                    def grad_at(x):
                        x = x.clone().requires_grad_(True)
                        base_loss(x).backward()
                        return x.grad

                    return ((grad_at(theta + h * vt) - grad_at(theta - h * vt)) / (2 * h)).tolist()
                """;
    }
}
