class Curvature:
    """Curvature-aware lr (S18): η = 2·safety/|λ̂max| with λ̂max from power iteration on
    Hessian-vector products at θ_t, warm-started from the previous step's vector."""

    def __init__(self, safety, iterations, base_lr, dim):
        self.safety, self.iterations, self.base_lr = safety, iterations, base_lr
        self.v = [1 / math.sqrt(dim)] * dim

    def lr(self, theta):
        lam = 0.0
        for _ in range(self.iterations):
            hv = hessian_vector_product(theta.detach(), self.v)
            dot, hn = 0.0, 0.0
            for vi, hi in zip(self.v, hv):
                dot += vi * hi
                hn += hi * hi
            lam = dot
            hn = math.sqrt(hn)
            if not hn > 0 or not finite(hn):
                break
            self.v = [hi / hn for hi in hv]
        a = abs(lam)
        return 2 * self.safety / a if a > 1e-12 and finite(a) else self.base_lr
