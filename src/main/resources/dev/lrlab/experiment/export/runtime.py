# ---------------------------------------------------------------------------------------------
# The training loop: what LR Lab's engine does for every run, written out with torch.
# One update t (leaving state t): lr and momentum of update t+1 from the schedule, g = ∇f(θ_t),
# optional clipping (torch.nn.utils.clip_grad_norm_), optimizer.step(), scheduler.step().
# A run that produces a non-finite value or ‖θ‖ > 1e12 has diverged: it stops at its last
# finite state, which is what LR Lab shows as "diverged at step k".
# ---------------------------------------------------------------------------------------------
DIVERGENCE_NORM = 1e12


def gradient(theta, step):
    """Loss and gradient at theta, as update number `step` sees them (autograd)."""
    x = theta.detach().clone().requires_grad_(True)
    f = loss_fn(x, step)
    f.backward()
    return f.item(), x.grad.detach()


def norm(v):
    # Σ v_i² in index order, then √: the same sum LR Lab forms
    s = 0.0
    for x in v.tolist():
        s += x * x
    return math.sqrt(s)


def finite(x):
    return not (math.isnan(x) or math.isinf(x))


def valid(theta, loss):
    s = 0.0
    for x in theta.tolist():
        s += x * x
    return finite(loss) and finite(s) and math.sqrt(s) <= DIVERGENCE_NORM


def set_hyper(optimizer, lr, momentum):
    """Writes the lr (and a cycled momentum / Adam β1) into the optimizer's param group."""
    group = optimizer.param_groups[0]
    group['lr'] = lr
    if momentum is not None:
        if 'betas' in group:
            group['betas'] = (momentum, group['betas'][1])
        else:
            group['momentum'] = momentum


def reset_momentum(optimizer):
    """Momentum reset at a warm restart: forget the velocity / first moment, keep the rest."""
    if hasattr(optimizer, 'reset_momentum'):
        optimizer.reset_momentum()
        return
    for state in optimizer.state.values():
        if isinstance(optimizer, torch.optim.SGD):
            state.pop('momentum_buffer', None)  # the next step starts it again from g, as a fresh SGD
        elif 'momentum_buffer' in state:
            state['momentum_buffer'].zero_()
        elif 'exp_avg' in state:
            state['exp_avg'].zero_()


class TorchSchedule:
    """lr (and momentum) from a torch.optim.lr_scheduler stepped after every update."""

    def __init__(self, scheduler, mirror=None, momentum_from_mirror=False):
        self.scheduler = scheduler
        self.mirror = mirror  # LR Lab's closed form, used for restarts (and momentum, see below)
        self.momentum_from_mirror = momentum_from_mirror

    def lr(self, t):
        return self.scheduler.optimizer.param_groups[0]['lr']

    def momentum(self, t):
        # None: the scheduler writes momentum / betas itself
        return self.mirror.momentum(t) if self.momentum_from_mirror else None

    def restarts_at(self, t):
        return self.mirror is not None and self.mirror.restarts_at(t)

    def after_step(self):
        self.scheduler.step()


class PlainSchedule:
    """lr(t) as a plain function of the step, for schedules torch has no class for."""

    def __init__(self, schedule):
        self.schedule = schedule

    def lr(self, t):
        return self.schedule.lr(t)

    def momentum(self, t):
        return self.schedule.momentum(t)

    def restarts_at(self, t):
        return self.schedule.restarts_at(t)

    def after_step(self):
        pass


def step_with(optimizer, schedule_lr, lr, momentum):
    """One optimizer.step() at lr, then the scheduler's own lr is put back (chainable schedulers
    compute the next lr from it)."""
    set_hyper(optimizer, lr, momentum)
    optimizer.step()
    optimizer.param_groups[0]['lr'] = schedule_lr


def simulate(theta, optimizer, schedule, steps, every=1, clip_norm=None, noise=None, rollback=None,
             reset_on_restart=False, curvature=None, base_lr=None, seed=0):
    """Runs one experiment; returns rows [step, θ list, loss, lr of the update leaving it or None]."""
    gen = torch.Generator().manual_seed(seed)
    n = theta.numel()
    loss, g = gradient(theta, 0)
    g_norm_full = norm(g)
    rows = []
    if not valid(theta, loss) or not finite(g_norm_full):
        return rows
    rows.append([0, theta.tolist(), loss, None])
    multiplier = 1.0  # roll-back shrinks it for the rest of the run
    t = 0
    while t < steps:
        scheduled = schedule.lr(t)
        lr = (curvature.lr(theta) if curvature is not None else scheduled) * multiplier
        momentum = None if curvature is not None else schedule.momentum(t)
        if reset_on_restart and curvature is None and schedule.restarts_at(t):
            reset_momentum(optimizer)
        work = g.clone()
        if noise is not None and noise[0] == 'gaussian':
            # N(0, σ²/B) per coordinate; torch's generator, not LR Lab's: the numbers differ
            work += noise[1] / math.sqrt(noise[2]) * torch.randn(n, generator=gen)
        elif noise is not None and noise[0] == 'minibatch':
            work = minibatch_gradient(theta, noise[1], noise[3])
        g_norm = norm(work) if noise is not None and noise[0] != 'thermostat' else g_norm_full
        theta.grad = work
        if clip_norm is not None:
            torch.nn.utils.clip_grad_norm_([theta], clip_norm)
        prev = theta.detach().clone()
        saved = None
        if rollback is not None:
            saved = (copy.deepcopy(optimizer.state_dict()), theta.grad.clone())
        retries = 0
        while True:
            step_with(optimizer, scheduled, lr, momentum)
            if noise is not None and noise[0] == 'thermostat':
                thermostat(theta, prev, noise[1], gen)
            new_loss, new_g = gradient(theta, t + 1)
            if rollback is None or retries >= rollback['maxRetries'] or not g_norm_full > 0:
                break
            ratio = norm(new_g) / g_norm_full
            if ratio <= rollback['ratio']:  # a NaN ratio retries
                break
            # look ahead, roll back: undo the step, shrink the lr, apply the same gradient again
            retries += 1
            with torch.no_grad():
                theta.copy_(prev)
            optimizer.load_state_dict(saved[0])
            theta.grad = saved[1].clone()
            multiplier *= rollback['factor']
            lr *= rollback['factor']
        u_norm = norm(theta.detach() - prev)
        g_next = norm(new_g)
        if not valid(theta.detach(), new_loss) or not finite(lr) or not finite(g_norm) \
                or not finite(u_norm) or not finite(g_next):
            with torch.no_grad():
                theta.copy_(prev)  # diverged: keep the last finite state
            break
        schedule.after_step()
        if t % every == 0:
            rows[-1][3] = lr
        g, g_norm_full, loss = new_g, g_next, new_loss
        t += 1
        if t % every == 0:
            rows.append([t, theta.tolist(), loss, None])
    if rows[-1][0] != t:
        rows.append([t, theta.tolist(), loss, None])
    return rows


def thermostat(theta, prev, target_k, gen):
    """Noise thermostat: tops the step up with N(0, τ²) noise so that E‖Δθ‖² = K
    (torch's generator, not LR Lab's: the numbers differ)."""
    n = theta.numel()
    d2 = 0.0
    for d in (theta.detach() - prev).tolist():
        d2 += d * d
    tau = math.sqrt(max(0.0, target_k - d2) / n)
    if tau > 0:
        with torch.no_grad():
            theta += tau * torch.randn(n, generator=gen)


class FixedLr:
    """A constant lr: the optimizer's own (or the curvature lr, set per step)."""

    def __init__(self, optimizer):
        self.optimizer = optimizer

    def lr(self, t):
        return self.optimizer.param_groups[0]['lr']

    def momentum(self, t):
        return None

    def restarts_at(self, t):
        return False

    def after_step(self):
        pass
