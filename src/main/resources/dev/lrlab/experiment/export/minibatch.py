class SplittableRandom:
    """java.util.SplittableRandom, bit for bit, so the minibatches are the ones LR Lab draws."""
    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.seed = seed & self.MASK

    def next_int(self):
        self.seed = (self.seed + 0x9e3779b97f4a7c15) & self.MASK
        z = self.seed
        z = ((z ^ (z >> 33)) * 0x62a9d9ed799705f5) & self.MASK
        r = (((z ^ (z >> 28)) * 0xcb24d0a5c88c35b3) & self.MASK) >> 32
        return r - (1 << 32) if r >= 1 << 31 else r

    def next_below(self, bound):
        r = self.next_int()
        m = bound - 1
        if bound & m == 0:
            return r & m
        u = (r & 0xffffffff) >> 1
        while True:
            r = u % bound
            if -(1 << 31) <= u + m - r < (1 << 31):  # Java's int overflow test
                return r
            u = (self.next_int() & 0xffffffff) >> 1


def minibatch_gradient(theta, batch_size, rng):
    """Gradient of the loss on batch_size rows drawn with replacement (S4)."""
    rows = [rng.next_below(N_SAMPLES) for _ in range(batch_size)]
    x = theta.detach().clone().requires_grad_(True)
    residual = X[rows] @ x - Y[rows]
    (0.5 * torch.mean(residual ** 2)).backward()
    return x.grad.detach()
