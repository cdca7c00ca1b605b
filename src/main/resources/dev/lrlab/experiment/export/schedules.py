# ---------------------------------------------------------------------------------------------
# LR Lab's schedules as plain functions of the step t (lr(t) is the lr of update t+1), for the
# ones torch has no class for (lessons' decays, combinations, restarts bookkeeping). Same
# formulas and the same order of floating-point operations as LR Lab.
# ---------------------------------------------------------------------------------------------
class Schedule:
    def momentum(self, t):
        return None

    def restarts_at(self, t):
        return False


class Constant(Schedule):
    def __init__(self, base):
        self.base = base

    def lr(self, t):
        return self.base


class Step(Schedule):  # StepLR
    def __init__(self, base, step_size, gamma):
        self.base, self.step_size, self.gamma = base, step_size, gamma

    def lr(self, t):
        return self.base * math.pow(self.gamma, t // self.step_size)


class MultiStep(Schedule):  # MultiStepLR
    def __init__(self, base, milestones, gamma):
        self.base, self.milestones, self.gamma = base, sorted(milestones), gamma

    def lr(self, t):
        return self.base * math.pow(self.gamma, sum(1 for m in self.milestones if m <= t))


class Exponential(Schedule):  # ExponentialLR: η0·γᵗ
    def __init__(self, base, gamma):
        self.base, self.gamma = base, gamma

    def lr(self, t):
        return self.base * math.pow(self.gamma, t)


class ExpDecay(Schedule):  # the lessons' η0·e^(−kt)
    def __init__(self, base, k):
        self.base, self.k = base, k

    def lr(self, t):
        return self.base * math.exp(-self.k * t)


class InverseTime(Schedule):  # η0/(1 + kt)
    def __init__(self, base, k):
        self.base, self.k = base, k

    def lr(self, t):
        return self.base / (1 + self.k * t)


class Cosine(Schedule):  # CosineAnnealingLR
    def __init__(self, base, t_max, eta_min):
        self.base, self.t_max, self.eta_min = base, t_max, eta_min

    def lr(self, t):
        return self.eta_min + (self.base - self.eta_min) * (1 + math.cos(math.pi * t / self.t_max)) / 2


class WarmRestarts(Schedule):  # CosineAnnealingWarmRestarts (SGDR)
    def __init__(self, base, t0, t_mult, eta_min):
        self.base, self.t0, self.t_mult, self.eta_min = base, t0, t_mult, eta_min

    def _cycle(self, t):
        ti, tcur = self.t0, t
        while tcur >= ti:
            tcur -= ti
            ti *= self.t_mult
        return tcur, ti

    def lr(self, t):
        tcur, ti = self._cycle(t)
        return self.eta_min + (self.base - self.eta_min) * (1 + math.cos(math.pi * tcur / ti)) / 2

    def restarts_at(self, t):
        return t > 0 and self._cycle(t)[0] == 0


class Cyclic(Schedule):  # CyclicLR; with cycle_momentum the momentum runs opposite to the lr
    def __init__(self, base_lr, max_lr, up, down, mode, gamma, cycle_momentum, base_m, max_m):
        self.base_lr, self.max_lr, self.up, self.down = base_lr, max_lr, up, down
        self.mode, self.gamma, self.cycle_momentum, self.base_m, self.max_m = mode, gamma, cycle_momentum, base_m, max_m

    def _factor(self, t):
        total = float(self.up) + float(self.down)
        ratio = self.up / total
        x = 1. + t / total - math.floor(1 + t / total)
        return x / ratio if x <= ratio else (x - 1) / (ratio - 1)

    def _scale(self, t):
        if self.mode == 'triangular':
            return 1.0
        if self.mode == 'triangular2':
            return 1 / math.pow(2., math.floor(1 + t / (float(self.up) + float(self.down))) - 1)
        return math.pow(self.gamma, t)

    def lr(self, t):
        return self.base_lr + (self.max_lr - self.base_lr) * self._factor(t) * self._scale(t)

    def momentum(self, t):
        if not self.cycle_momentum:
            return None
        return self.max_m - (self.max_m - self.base_m) * self._factor(t) * self._scale(t)


class OneCycle(Schedule):  # OneCycleLR
    def __init__(self, max_lr, total, pct, cos, div, final_div, three, cycle_momentum, base_m, max_m):
        self.max_lr, self.total, self.pct, self.cos = max_lr, total, pct, cos
        self.div, self.final_div, self.three = div, final_div, three
        self.cycle_momentum, self.base_m, self.max_m = cycle_momentum, base_m, max_m

    def _anneal(self, start, end, pct):
        if self.cos:
            return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)
        return (end - start) * pct + start

    def _value(self, t, which):
        init = self.max_lr / self.div
        low = init / self.final_div
        p, n = self.pct, self.total
        if self.three:
            ends = [p * n - 1, 2 * p * n - 2, n - 1]
            lrs = [(init, self.max_lr), (self.max_lr, init), (init, low)]
            moms = [(self.max_m, self.base_m), (self.base_m, self.max_m), (self.max_m, self.max_m)]
        else:
            ends = [p * n - 1, n - 1]
            lrs = [(init, self.max_lr), (self.max_lr, low)]
            moms = [(self.max_m, self.base_m), (self.base_m, self.max_m)]
        start = 0
        for i, end in enumerate(ends):
            if t <= end or i == len(ends) - 1:
                se = lrs[i] if which == 0 else moms[i]
                return self._anneal(se[0], se[1], (t - start) / (end - start))
            start = end

    def lr(self, t):
        return self._value(t, 0)

    def momentum(self, t):
        return self._value(t, 1) if self.cycle_momentum else None


class Linear(Schedule):  # LinearLR
    def __init__(self, base, start, end, total):
        self.base, self.start, self.end, self.total = base, start, end, total

    def lr(self, t):
        return self.base * (self.start + (self.end - self.start) * min(self.total, t) / self.total)


class ConstantFactor(Schedule):  # ConstantLR
    def __init__(self, base, factor, total):
        self.base, self.factor, self.total = base, factor, total

    def lr(self, t):
        return self.base * (self.factor + (1 - self.factor if t >= self.total else 0))


class Polynomial(Schedule):  # PolynomialLR
    def __init__(self, base, total, power):
        self.base, self.total, self.power = base, total, power

    def lr(self, t):
        return self.base * math.pow(1.0 - min(self.total, t) / self.total, self.power)


class Sequential(Schedule):
    """Schedule i runs from milestone i−1 on and starts at its own step 0 there (SequentialLR)."""

    def __init__(self, schedules, milestones):
        self.schedules, self.milestones = schedules, milestones

    def _at(self, t):
        i = sum(1 for m in self.milestones if m <= t)
        return i, (t if i == 0 else t - self.milestones[i - 1])

    def lr(self, t):
        i, lt = self._at(t)
        return self.schedules[i].lr(lt)

    def momentum(self, t):
        i, lt = self._at(t)
        return self.schedules[i].momentum(lt)

    def restarts_at(self, t):
        i, lt = self._at(t)
        return (i > 0 and lt == 0) or self.schedules[i].restarts_at(lt)


class Scaled(Schedule):
    """A schedule under an envelope: lr = schedule·envelope/η0 (e.g. restarts under 1/t, S23)."""

    def __init__(self, schedule, envelope, base):
        self.schedule, self.envelope, self.base = schedule, envelope, base

    def lr(self, t):
        return self.schedule.lr(t) * (self.envelope.lr(t) / self.base)

    def momentum(self, t):
        return self.schedule.momentum(t)

    def restarts_at(self, t):
        return self.schedule.restarts_at(t)
