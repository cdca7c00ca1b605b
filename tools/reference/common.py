"""Shared helpers for the reference generators (run with /usr/bin/python3 and Debian's python3-torch)."""
import json
import torch

torch.set_default_dtype(torch.float64)


def build_scheduler(spec, opt, total_steps):
    """Maps an LR Lab schedule JSON object onto torch.optim.lr_scheduler (None = constant)."""
    S = torch.optim.lr_scheduler
    if spec is None or spec['type'] == 'constant':
        return None
    t = spec['type']
    if t == 'step':
        return S.StepLR(opt, spec['stepSize'], spec.get('gamma', 0.1))
    if t == 'multiStep':
        return S.MultiStepLR(opt, spec['milestones'], spec.get('gamma', 0.1))
    if t == 'exponential':
        return S.ExponentialLR(opt, spec['gamma'])
    if t == 'cosine':
        return S.CosineAnnealingLR(opt, spec['tMax'], spec.get('etaMin', 0))
    if t == 'cosineWarmRestarts':
        return S.CosineAnnealingWarmRestarts(opt, spec['t0'], spec.get('tMult', 1), spec.get('etaMin', 0))
    if t == 'cyclic':
        return S.CyclicLR(opt, spec['baseLr'], spec['maxLr'], step_size_up=spec.get('stepSizeUp', 2000),
                          step_size_down=spec.get('stepSizeDown'), mode=spec.get('mode', 'triangular'),
                          gamma=spec.get('gamma', 1.0), cycle_momentum=spec.get('cycleMomentum', True),
                          base_momentum=spec.get('baseMomentum', 0.8), max_momentum=spec.get('maxMomentum', 0.9))
    if t == 'oneCycle':
        return S.OneCycleLR(opt, spec['maxLr'], total_steps=spec.get('totalSteps', total_steps),
                            pct_start=spec.get('pctStart', 0.3), anneal_strategy=spec.get('annealStrategy', 'cos'),
                            cycle_momentum=spec.get('cycleMomentum', True),
                            base_momentum=spec.get('baseMomentum', 0.85), max_momentum=spec.get('maxMomentum', 0.95),
                            div_factor=spec.get('divFactor', 25.0), final_div_factor=spec.get('finalDivFactor', 1e4),
                            three_phase=spec.get('threePhase', False))
    if t == 'linear':
        return S.LinearLR(opt, spec.get('startFactor', 1.0 / 3), spec.get('endFactor', 1.0), spec.get('totalIters', 5))
    if t == 'constantFactor':
        return S.ConstantLR(opt, spec.get('factor', 1.0 / 3), spec.get('totalIters', 5))
    if t == 'polynomial':
        return S.PolynomialLR(opt, spec.get('totalIters', 5), spec.get('power', 1.0))
    if t == 'sequential':
        children = [build_scheduler(c, opt, total_steps) for c in spec['schedules']]
        return S.SequentialLR(opt, children, spec['milestones'])
    raise ValueError('no torch equivalent for ' + t)


def momentum_of(group):
    if 'betas' in group:
        return group['betas'][0]
    return group.get('momentum', float('nan'))


def dumps(obj):
    return json.dumps(obj, separators=(',', ':')) if obj is not None else 'null'


def fmt(x):
    return repr(float(x))
