"""Writes src/test/resources/reference/optim_cases.txt and optim_trajectories.csv: parameter
trajectories of torch.optim optimizers (float64, foreach=False, i.e. the single-tensor kernels) on
small landscapes whose gradient is computed here in plain float arithmetic, in the same operation
order as the Java test, so both sides see bit-identical gradients.

PyTorch 1.13 (Debian's python3-torch) differs from 2.x where LR Lab follows 2.x:
 * NAdam: 1.13 computes mu_product_next = mu_product * mu * mu_next (pytorch#92699); 2.x uses
   mu_product * mu_next, and 2.x adds decoupled_weight_decay. The NAdam reference is therefore
   computed by `nadam_2x` below, a line-by-line transcription of 2.x's _single_tensor_nadam on torch
   tensors. The transcription is first checked bit-for-bit against torch 1.13's NAdam with the
   1.13 formula (bug=True), then used with the 2.x formula.
 * RAdam: 1.13 has no decoupled_weight_decay; those cases use `radam_2x` (transcription of 2.x's
   _single_tensor_radam), which is checked bit-for-bit against torch 1.13's RAdam first.
 * Schedules that cycle Adam's beta1 (CyclicLR with use_beta1 is 2.x only): the schedule's momentum
   is written into param_groups[0]['betas'] before each step, which is what 2.x's CyclicLR does.
Run: /usr/bin/python3 tools/reference/generate_optim.py (from the repository root)."""
import math
import os
import torch
from common import build_scheduler, momentum_of, dumps, fmt

OUT = os.path.join(os.path.dirname(__file__), '../../src/test/resources/reference')

A2 = [[3.0, 1.2], [1.2, 0.8]]
D5 = [1.0, 2.0, 5.0, 10.0, 50.0]


def grad(landscape, x):
    if landscape == 'quad2':
        return [A2[0][0] * x[0] + A2[0][1] * x[1], A2[1][0] * x[0] + A2[1][1] * x[1]]
    if landscape == 'rosen':
        a, b = 1.0, 100.0
        return [-2.0 * (a - x[0]) - 4.0 * b * x[0] * (x[1] - x[0] * x[0]), 2.0 * b * (x[1] - x[0] * x[0])]
    if landscape == 'diag5':
        return [D5[i] * x[i] for i in range(5)]
    raise ValueError(landscape)


STARTS = {'quad2': [1.5, -2.0], 'rosen': [-1.2, 1.0], 'diag5': [1.0, -1.0, 0.5, -0.25, 0.1]}
STEPS = 150

# name, landscape, optimizer spec (LR Lab JSON), schedule spec or None
CASES = [
    ('sgd_plain', 'quad2', {'type': 'sgd', 'lr': 0.1}, None),
    ('sgd_momentum', 'quad2', {'type': 'sgd', 'lr': 0.05, 'momentum': 0.9}, None),
    ('sgd_momentum_dampening_wd', 'rosen', {'type': 'sgd', 'lr': 2e-4, 'momentum': 0.8, 'dampening': 0.3, 'weightDecay': 0.01}, None),
    ('sgd_nesterov_wd', 'diag5', {'type': 'sgd', 'lr': 0.01, 'momentum': 0.9, 'nesterov': True, 'weightDecay': 0.001}, None),
    ('sgd_m0_cyclic_momentum', 'quad2', {'type': 'sgd', 'lr': 0.1},
     {'type': 'cyclic', 'baseLr': 0.01, 'maxLr': 0.1, 'stepSizeUp': 10}),
    ('sgd_onecycle', 'diag5', {'type': 'sgd', 'lr': 0.1, 'momentum': 0.9}, {'type': 'oneCycle', 'maxLr': 0.03}),
    ('adagrad_default', 'quad2', {'type': 'adagrad', 'lr': 0.1}, None),
    ('adagrad_lrdecay_init_wd', 'rosen', {'type': 'adagrad', 'lr': 0.05, 'lrDecay': 0.01, 'initialAccumulatorValue': 0.1,
                                          'weightDecay': 0.001, 'eps': 1e-6}, None),
    ('adagrad_diag5', 'diag5', {'type': 'adagrad', 'lr': 0.5}, None),
    ('rmsprop_default', 'quad2', {'type': 'rmsprop', 'lr': 0.01}, None),
    ('rmsprop_centered_momentum_wd', 'rosen', {'type': 'rmsprop', 'lr': 3e-4, 'alpha': 0.9, 'momentum': 0.5, 'centered': True,
                                               'eps': 1e-6, 'weightDecay': 1e-3}, None),
    ('rmsprop_momentum', 'diag5', {'type': 'rmsprop', 'lr': 0.005, 'momentum': 0.9}, None),
    ('rmsprop_centered', 'quad2', {'type': 'rmsprop', 'lr': 0.01, 'centered': True}, None),
    ('rmsprop_cyclic_momentum', 'quad2', {'type': 'rmsprop', 'lr': 0.01},
     {'type': 'cyclic', 'baseLr': 0.001, 'maxLr': 0.01, 'stepSizeUp': 20, 'mode': 'triangular2'}),
    ('adadelta_default', 'quad2', {'type': 'adadelta'}, None),
    ('adadelta_rho_eps_wd', 'rosen', {'type': 'adadelta', 'lr': 0.5, 'rho': 0.95, 'eps': 1e-5, 'weightDecay': 0.01}, None),
    ('adadelta_diag5', 'diag5', {'type': 'adadelta', 'lr': 2.0}, None),
    ('adam_default', 'quad2', {'type': 'adam', 'lr': 0.05}, None),
    ('adam_amsgrad_betas', 'rosen', {'type': 'adam', 'lr': 0.01, 'beta1': 0.8, 'beta2': 0.99, 'amsgrad': True}, None),
    ('adam_wd_eps', 'diag5', {'type': 'adam', 'lr': 0.05, 'weightDecay': 0.1, 'eps': 1e-6}, None),
    ('adam_cyclic_beta1', 'quad2', {'type': 'adam', 'lr': 0.01},
     {'type': 'cyclic', 'baseLr': 0.005, 'maxLr': 0.05, 'stepSizeUp': 15, 'mode': 'exp_range', 'gamma': 0.99}),
    ('adam_onecycle_beta1', 'diag5', {'type': 'adam', 'lr': 0.01}, {'type': 'oneCycle', 'maxLr': 0.05, 'threePhase': True}),
    ('adamw_default', 'quad2', {'type': 'adamw', 'lr': 0.05}, None),
    ('adamw_amsgrad_wd', 'rosen', {'type': 'adamw', 'lr': 0.01, 'weightDecay': 0.1, 'amsgrad': True}, None),
    ('adamw_cosine', 'diag5', {'type': 'adamw', 'lr': 0.05, 'weightDecay': 0.5}, {'type': 'cosine', 'tMax': 100}),
    ('adamax_default', 'quad2', {'type': 'adamax', 'lr': 0.05}, None),
    ('adamax_betas_eps_wd', 'rosen', {'type': 'adamax', 'lr': 0.01, 'beta1': 0.8, 'beta2': 0.99, 'eps': 1e-4,
                                      'weightDecay': 0.01}, None),
    ('nadam_default', 'quad2', {'type': 'nadam', 'lr': 0.05}, None),
    ('nadam_betas_decay_wd', 'rosen', {'type': 'nadam', 'lr': 0.01, 'beta1': 0.8, 'beta2': 0.99, 'momentumDecay': 0.01,
                                       'weightDecay': 0.01}, None),
    ('nadam_decoupled', 'diag5', {'type': 'nadam', 'lr': 0.05, 'weightDecay': 0.1, 'decoupledWeightDecay': True}, None),
    ('nadam_cyclic_beta1', 'quad2', {'type': 'nadam', 'lr': 0.01},
     {'type': 'cyclic', 'baseLr': 0.005, 'maxLr': 0.05, 'stepSizeUp': 15}),
    ('radam_default', 'quad2', {'type': 'radam', 'lr': 0.05}, None),
    ('radam_beta2_wd', 'rosen', {'type': 'radam', 'lr': 2e-4, 'beta1': 0.85, 'beta2': 0.99, 'weightDecay': 0.01}, None),
    ('radam_decoupled', 'diag5', {'type': 'radam', 'lr': 0.05, 'weightDecay': 0.1, 'decoupledWeightDecay': True}, None),
]


class Nadam2x(torch.optim.Optimizer):
    """Transcription of PyTorch 2.x _single_tensor_nadam (non-capturable path); bug=True gives 1.13."""

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3,
                 decoupled_weight_decay=False, bug=False):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      momentum_decay=momentum_decay, decoupled_weight_decay=decoupled_weight_decay))
        self.bug = bug

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group['betas']
            lr, eps, weight_decay = group['lr'], group['eps'], group['weight_decay']
            for param in group['params']:
                grad = param.grad
                state = self.state[param]
                if len(state) == 0:
                    state['step'] = torch.tensor(0.)
                    state['mu_product'] = torch.tensor(1.)
                    state['exp_avg'] = torch.zeros_like(param)
                    state['exp_avg_sq'] = torch.zeros_like(param)
                exp_avg, exp_avg_sq, mu_product, step_t = state['exp_avg'], state['exp_avg_sq'], state['mu_product'], state['step']
                step_t += 1
                step = step_t.item()
                bias_correction2 = 1 - beta2 ** step
                if weight_decay != 0:
                    if group['decoupled_weight_decay']:
                        param.mul_(1 - lr * weight_decay)
                    else:
                        grad = grad.add(param, alpha=weight_decay)
                mu = beta1 * (1. - 0.5 * (0.96 ** (step * group['momentum_decay'])))
                mu_next = beta1 * (1. - 0.5 * (0.96 ** ((step + 1) * group['momentum_decay'])))
                mu_product *= mu
                # 1.13 used mul_/add_ here, 2.x uses lerp_; mul_/add_ is what LR Lab computes
                exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                denom = exp_avg_sq.div(bias_correction2).sqrt()
                if self.bug:
                    mu_product_next = mu_product.item() * mu * mu_next
                else:
                    mu_product_next = mu_product.item() * mu_next
                denom.add_(eps)
                param.addcdiv_(grad, denom, value=(-lr * (1. - mu) / (1. - mu_product.item())))
                param.addcdiv_(exp_avg, denom, value=(-lr * mu_next) / (1. - mu_product_next))


class Radam2x(torch.optim.Optimizer):
    """Transcription of PyTorch 2.x _single_tensor_radam (non-capturable path)."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, decoupled_weight_decay=False):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      decoupled_weight_decay=decoupled_weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group['betas']
            lr, eps, weight_decay = group['lr'], group['eps'], group['weight_decay']
            for param in group['params']:
                grad = param.grad
                state = self.state[param]
                if len(state) == 0:
                    state['step'] = torch.tensor(0.)
                    state['exp_avg'] = torch.zeros_like(param)
                    state['exp_avg_sq'] = torch.zeros_like(param)
                exp_avg, exp_avg_sq, step_t = state['exp_avg'], state['exp_avg_sq'], state['step']
                step_t += 1
                step = step_t.item()
                if weight_decay != 0:
                    if group['decoupled_weight_decay']:
                        param.mul_(1 - lr * weight_decay)
                    else:
                        grad = grad.add(param, alpha=weight_decay)
                exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                bias_correction1 = 1 - beta1 ** step
                bias_correction2 = 1 - beta2 ** step
                bias_corrected_exp_avg = exp_avg / bias_correction1
                rho_inf = 2 / (1 - beta2) - 1
                rho_t = rho_inf - 2 * step * (beta2 ** step) / bias_correction2
                if rho_t > 5.0:
                    rect = math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
                    exp_avg_sq_sqrt = exp_avg_sq.sqrt().add_(eps)
                    adaptive_lr = math.sqrt(bias_correction2) / exp_avg_sq_sqrt
                    param.add_(bias_corrected_exp_avg * lr * adaptive_lr * rect, alpha=-1.0)
                else:
                    param.add_(bias_corrected_exp_avg * lr, alpha=-1.0)


def make_optimizer(spec, params, nadam_bug=False, force_transcription=False):
    t = spec['type']
    g = lambda k, d: spec.get(k, d)
    betas = (g('beta1', 0.9), g('beta2', 0.999))
    O = torch.optim
    if t == 'sgd':
        return O.SGD(params, lr=g('lr', 1e-3), momentum=g('momentum', 0), dampening=g('dampening', 0),
                     nesterov=g('nesterov', False), weight_decay=g('weightDecay', 0), foreach=False)
    if t == 'adagrad':
        return O.Adagrad(params, lr=g('lr', 1e-2), lr_decay=g('lrDecay', 0), weight_decay=g('weightDecay', 0),
                         initial_accumulator_value=g('initialAccumulatorValue', 0), eps=g('eps', 1e-10), foreach=False)
    if t == 'rmsprop':
        return O.RMSprop(params, lr=g('lr', 1e-2), alpha=g('alpha', 0.99), eps=g('eps', 1e-8),
                         weight_decay=g('weightDecay', 0), momentum=g('momentum', 0), centered=g('centered', False),
                         foreach=False)
    if t == 'adadelta':
        return O.Adadelta(params, lr=g('lr', 1.0), rho=g('rho', 0.9), eps=g('eps', 1e-6),
                          weight_decay=g('weightDecay', 0), foreach=False)
    if t == 'adam':
        return O.Adam(params, lr=g('lr', 1e-3), betas=betas, eps=g('eps', 1e-8), weight_decay=g('weightDecay', 0),
                      amsgrad=g('amsgrad', False), foreach=False)
    if t == 'adamw':
        return O.AdamW(params, lr=g('lr', 1e-3), betas=betas, eps=g('eps', 1e-8), weight_decay=g('weightDecay', 1e-2),
                       amsgrad=g('amsgrad', False), foreach=False)
    if t == 'adamax':
        return O.Adamax(params, lr=g('lr', 2e-3), betas=betas, eps=g('eps', 1e-8), weight_decay=g('weightDecay', 0),
                        foreach=False)
    if t == 'nadam':
        return Nadam2x(params, lr=g('lr', 2e-3), betas=betas, eps=g('eps', 1e-8), weight_decay=g('weightDecay', 0),
                       momentum_decay=g('momentumDecay', 4e-3),
                       decoupled_weight_decay=g('decoupledWeightDecay', False), bug=nadam_bug)
    if t == 'radam':
        if g('decoupledWeightDecay', False) or force_transcription:
            return Radam2x(params, lr=g('lr', 1e-3), betas=betas, eps=g('eps', 1e-8), weight_decay=g('weightDecay', 0),
                           decoupled_weight_decay=g('decoupledWeightDecay', False))
        return O.RAdam(params, lr=g('lr', 1e-3), betas=betas, eps=g('eps', 1e-8), weight_decay=g('weightDecay', 0),
                       foreach=False)
    raise ValueError(t)


def run(landscape, opt, p, steps, sched_values=None):
    rows = []
    for t in range(steps):
        group = opt.param_groups[0]
        if sched_values is not None:
            lr, m = sched_values[t]
            group['lr'] = lr
            if not math.isnan(m):
                if 'betas' in group:
                    group['betas'] = (m, group['betas'][1])
                else:
                    group['momentum'] = m
        x = [float(v) for v in p.detach()]
        p.grad = torch.tensor(grad(landscape, x))
        opt.step()
        rows.append([float(v) for v in p.detach()])
    return rows


def schedule_values(sspec, ospec, steps):
    """lr and momentum/beta1 before each step, from torch's scheduler on a stand-in SGD optimizer."""
    q = torch.nn.Parameter(torch.zeros(1))
    stand_in = torch.optim.SGD([q], lr=ospec.get('lr', 1e-3), momentum=0.5)
    sched = build_scheduler(sspec, stand_in, steps)
    cycles = sspec.get('cycleMomentum', True) and sspec['type'] in ('cyclic', 'oneCycle')
    out = []
    for _ in range(steps):
        g = stand_in.param_groups[0]
        out.append((g['lr'], momentum_of(g) if cycles else float('nan')))
        q.grad = torch.zeros(1)
        stand_in.step()
        sched.step()
    return out


def self_check():
    """The transcriptions must reproduce torch 1.13 bit for bit where 1.13 has the same algorithm."""
    for spec, landscape in [({'type': 'nadam', 'lr': 0.05}, 'quad2'),
                            ({'type': 'nadam', 'lr': 0.01, 'beta1': 0.8, 'momentumDecay': 0.01, 'weightDecay': 0.01}, 'rosen')]:
        p1 = torch.nn.Parameter(torch.tensor(STARTS[landscape]))
        p2 = torch.nn.Parameter(torch.tensor(STARTS[landscape]))
        torch_rows = run(landscape, torch.optim.NAdam([p1], lr=spec['lr'], betas=(spec.get('beta1', 0.9), 0.999),
                                                      weight_decay=spec.get('weightDecay', 0),
                                                      momentum_decay=spec.get('momentumDecay', 4e-3), foreach=False),
                         p1, STEPS)
        ours = run(landscape, make_optimizer(spec, [p2], nadam_bug=True), p2, STEPS)
        assert torch_rows == ours, 'NAdam transcription differs from torch 1.13'
    spec = {'type': 'radam', 'lr': 0.01, 'beta2': 0.99, 'weightDecay': 0.01}
    p1 = torch.nn.Parameter(torch.tensor(STARTS['rosen']))
    p2 = torch.nn.Parameter(torch.tensor(STARTS['rosen']))
    a = run('rosen', make_optimizer(spec, [p1]), p1, STEPS)
    b = run('rosen', make_optimizer(spec, [p2], force_transcription=True), p2, STEPS)
    assert a == b, 'RAdam transcription differs from torch 1.13'


def main():
    self_check()
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, 'optim_cases.txt'), 'w') as cases, \
            open(os.path.join(OUT, 'optim_trajectories.csv'), 'w') as traj:
        cases.write('# name|landscape|steps|start|optimizer|schedule  (generated by tools/reference/generate_optim.py, torch '
                    + torch.__version__ + ')\n')
        traj.write('name,step,theta...\n')
        for name, landscape, ospec, sspec in CASES:
            start = STARTS[landscape]
            p = torch.nn.Parameter(torch.tensor(start))
            opt = make_optimizer(ospec, [p])
            sv = schedule_values(sspec, ospec, STEPS) if sspec is not None else None
            rows = run(landscape, opt, p, STEPS, sv)
            cases.write('|'.join([name, landscape, str(STEPS), dumps(start), dumps(ospec), dumps(sspec)]) + '\n')
            for t, row in enumerate(rows, start=1):
                traj.write(','.join([name, str(t)] + [fmt(v) for v in row]) + '\n')


if __name__ == '__main__':
    main()
