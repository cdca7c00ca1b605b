# ---------------------------------------------------------------------------------------------
# LR Lab's own update rules, for what torch.optim cannot do: float16 moments (every moment
# buffer rounded to binary16 after each update, S15), ε inside the square root (the lessons'
# √(v + ε)), and 2.x behaviour missing from an older torch. Element by element, in the same
# order of floating-point operations as LR Lab (and as torch's single-tensor kernels).
# ---------------------------------------------------------------------------------------------
def to_half(x):
    """The binary16 value nearest to x (ties to even) as a float; ±inf from 65520 on."""
    if x != x or x == 0.0:
        return x
    a = abs(x)
    if a >= 65520.0:
        return math.copysign(math.inf, x)
    e = math.frexp(a)[1] - 1
    quantum = 2.0 ** -24 if e < -14 else math.ldexp(1.0, e - 10)
    return math.copysign(round(a / quantum) * quantum, x)


class LrLabOptimizer(torch.optim.Optimizer):
    """kind: sgd | adagrad | rmsprop | adadelta | adam | adamw | adamax | nadam | radam."""

    def __init__(self, params, kind, lr, half=False, eps_inside=False, weight_decay=0.0, decoupled=False,
                 momentum=0.0, betas=(0.9, 0.999), **cfg):
        defaults = dict(lr=lr, weight_decay=weight_decay)
        if kind in ('sgd', 'rmsprop'):
            defaults['momentum'] = momentum
        if kind in ('adam', 'adamw', 'adamax', 'nadam', 'radam'):
            defaults['betas'] = betas
        super().__init__(params, defaults)
        self.kind, self.half, self.inside, self.decoupled, self.cfg = kind, half, eps_inside, decoupled, cfg

    def h(self, x):
        return to_half(x) if self.half else x

    def reset_momentum(self):
        for s in self.state.values():
            if self.kind == 'sgd':
                s['has_buf'] = False
                s['buf'] = [0.0] * len(s['buf'])
            elif self.kind == 'rmsprop':
                s['buf'] = [0.0] * len(s['buf'])
            elif 'm' in s:
                s['m'] = [0.0] * len(s['m'])

    @torch.no_grad()
    def step(self):
        group = self.param_groups[0]
        for p in group['params']:
            s = self.state[p]
            if not s:
                z = [0.0] * p.numel()
                s.update(step=0, has_buf=False, buf=list(z), m=list(z), v=list(z), vmax=list(z), acc=list(z),
                         ga=list(z), mu_product=1.0)
                if self.kind == 'adagrad':
                    s['v'] = [self.h(self.cfg['initial_accumulator_value'])] * p.numel()
            s['step'] += 1
            x, g = p.tolist(), p.grad.tolist()
            lr, wd = group['lr'], group['weight_decay']
            if wd != 0:
                if self.decoupled:
                    x = [xi * (1 - lr * wd) for xi in x]
                else:
                    g = [gi + wd * xi for gi, xi in zip(g, x)]
            if self.half:
                g = [to_half(gi) for gi in g]
            getattr(self, '_' + self.kind)(x, g, s, group)
            p.copy_(torch.tensor(x))

    def _sgd(self, x, g, s, group):
        m, lr, c = group['momentum'], group['lr'], self.cfg
        for i in range(len(x)):
            if m == 0:
                d = g[i]
            else:
                b = self.h(g[i]) if not s['has_buf'] else self.h(s['buf'][i] * m + (1 - c['dampening']) * g[i])
                s['buf'][i] = b
                d = g[i] + m * b if c['nesterov'] else b
            x[i] = x[i] + -lr * d
        if m != 0:
            s['has_buf'] = True

    def _sqrt_eps(self, v, eps):
        return math.sqrt(v + eps) if self.inside else math.sqrt(v) + eps

    def _adagrad(self, x, g, s, group):
        c = self.cfg
        clr = group['lr'] / (1 + (s['step'] - 1) * c['lr_decay'])
        for i in range(len(x)):
            s['v'][i] = self.h(s['v'][i] + g[i] * g[i])
            x[i] = x[i] + -clr * g[i] / self._sqrt_eps(s['v'][i], c['eps'])

    def _rmsprop(self, x, g, s, group):
        c, m, lr = self.cfg, group['momentum'], group['lr']
        a = c['alpha']
        for i in range(len(x)):
            s['v'][i] = self.h(s['v'][i] * a + (1 - a) * g[i] * g[i])
            w = s['v'][i]
            if c['centered']:
                s['ga'][i] = self.h(s['ga'][i] * a + (1 - a) * g[i])
                w = w + (-1.0 * s['ga'][i]) * s['ga'][i]
            avg = self._sqrt_eps(w, c['eps'])
            if m > 0:
                s['buf'][i] = self.h(s['buf'][i] * m + g[i] / avg)
                x[i] = x[i] + -lr * s['buf'][i]
            else:
                x[i] = x[i] + -lr * g[i] / avg

    def _adadelta(self, x, g, s, group):
        r, e = self.cfg['rho'], self.cfg['eps']
        for i in range(len(x)):
            s['v'][i] = self.h(s['v'][i] * r + (1 - r) * g[i] * g[i])
            delta = math.sqrt(s['acc'][i] + e) / math.sqrt(s['v'][i] + e) * g[i]
            s['acc'][i] = self.h(s['acc'][i] * r + (1 - r) * delta * delta)
            x[i] = x[i] + -group['lr'] * delta

    def _moments(self, g, s, b1, b2):
        for i in range(len(g)):
            s['m'][i] = self.h(s['m'][i] * b1 + (1 - b1) * g[i])
            s['v'][i] = self.h(s['v'][i] * b2 + (1 - b2) * g[i] * g[i])

    def _adam(self, x, g, s, group):
        (b1, b2), lr, e, t = group['betas'], group['lr'], self.cfg['eps'], s['step']
        bc1, bc2 = 1 - math.pow(b1, t), 1 - math.pow(b2, t)
        self._moments(g, s, b1, b2)
        for i in range(len(x)):
            v = s['v'][i]
            if self.cfg.get('amsgrad'):
                v = max(s['vmax'][i], v)
                s['vmax'][i] = v
            denom = math.sqrt(v / bc2 + e) if self.inside else math.sqrt(v) / math.sqrt(bc2) + e
            x[i] = x[i] + -(lr / bc1) * s['m'][i] / denom

    _adamw = _adam

    def _adamax(self, x, g, s, group):
        (b1, b2), e = group['betas'], self.cfg['eps']
        clr = -(group['lr'] / (1 - math.pow(b1, s['step'])))
        for i in range(len(x)):
            s['m'][i] = self.h(s['m'][i] * b1 + (1 - b1) * g[i])
            s['v'][i] = self.h(max(s['v'][i] * b2, abs(g[i]) + e))
            x[i] = x[i] + clr * s['m'][i] / s['v'][i]

    def _nadam(self, x, g, s, group):
        # PyTorch 2.x NAdam (mu_product fix of pytorch#92699)
        (b1, b2), lr, e, t, psi = group['betas'], group['lr'], self.cfg['eps'], s['step'], self.cfg['momentum_decay']
        bc2 = 1 - math.pow(b2, t)
        mu = b1 * (1. - 0.5 * math.pow(0.96, t * psi))
        mu_next = b1 * (1. - 0.5 * math.pow(0.96, (t + 1) * psi))
        s['mu_product'] *= mu
        c1 = -lr * (1. - mu) / (1. - s['mu_product'])
        c2 = (-lr * mu_next) / (1. - s['mu_product'] * mu_next)
        self._moments(g, s, b1, b2)
        for i in range(len(x)):
            denom = math.sqrt(s['v'][i] / bc2 + e) if self.inside else math.sqrt(s['v'][i] / bc2) + e
            x[i] = (x[i] + c1 * g[i] / denom) + c2 * s['m'][i] / denom

    def _radam(self, x, g, s, group):
        (b1, b2), lr, e, t = group['betas'], group['lr'], self.cfg['eps'], s['step']
        bc1 = 1 - math.pow(b1, t)
        b2t = math.pow(b2, t)
        bc2 = 1 - b2t
        rho_inf = 2 / (1 - b2) - 1
        rho_t = rho_inf - 2 * t * b2t / bc2
        self._moments(g, s, b1, b2)
        for i in range(len(x)):
            corrected = s['m'][i] / bc1
            if rho_t > 5.:
                rect = math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
                adaptive = math.sqrt(bc2) / self._sqrt_eps(s['v'][i], e)
                x[i] = x[i] + -1.0 * (corrected * lr * adaptive * rect)
            else:
                x[i] = x[i] + -1.0 * (corrected * lr)
