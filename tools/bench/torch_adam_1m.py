#!/usr/bin/python3
"""PyTorch CPU reference for EngineBenchmark.millionDimQuadraticAdamStep.

One step = gradient of the 1,000,000-dim diagonal quadratic f(θ) = ½·Σ aᵢθᵢ², aᵢ = 1 + 9i/n,
computed in torch as g = a*θ (written into θ.grad), then torch.optim.Adam(lr=1e-3).step().
float64, torch.set_num_threads(2). Prints the median ms/step over several timed blocks.

    /usr/bin/python3 tools/bench/torch_adam_1m.py [--steps 200] [--repeats 5] [--threads 2]
"""
import argparse
import inspect
import statistics
import time

import torch


def bench(foreach, n, steps, warmup, repeats):
    a = 1 + 9 * torch.arange(n, dtype=torch.float64) / n
    theta = torch.ones(n, dtype=torch.float64, requires_grad=True)
    kwargs = {"lr": 1e-3}
    if foreach is not None:
        kwargs["foreach"] = foreach
    opt = torch.optim.Adam([theta], **kwargs)
    theta.grad = torch.zeros_like(theta)

    def step():
        with torch.no_grad():
            torch.mul(a, theta, out=theta.grad)
        opt.step()

    for _ in range(warmup):
        step()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(steps):
            step()
        times.append((time.perf_counter() - t0) * 1e3 / steps)
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=50)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    has_foreach = "foreach" in inspect.signature(torch.optim.Adam.__init__).parameters
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, n={args.n}, float64, "
          f"{args.repeats} blocks of {args.steps} steps after {args.warmup} warm-up")
    for fe in ([True, False] if has_foreach else [None]):
        times = bench(fe, args.n, args.steps, args.warmup, args.repeats)
        label = f"foreach={fe}" if fe is not None else "default"
        print(f"Adam {label:14s} median {statistics.median(times):7.3f} ms/step  "
              f"(blocks: {', '.join(f'{t:.3f}' for t in times)})")


if __name__ == "__main__":
    main()
