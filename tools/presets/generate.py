#!/usr/bin/env python3
"""Writes src/main/resources/presets/*.json and index.json (the lesson presets). Edit here, rerun."""
import json, os
OUT = os.path.join(os.path.dirname(__file__), "../../src/main/resources/presets")
P = []
# The formulas' words in 简体中文: only the \text{…} parts differ, the mathematics is the same
# (FormulaTranslationTest checks both). Names (AdaGrad, RMSProp, L2, AdamW) and the subscripts
# that are PyTorch's names (base, eff) stay as they are; a formula without words needs no entry.
ZH_FORMULA = {
  r"\theta \leftarrow (I-\eta A)\theta,\quad \text{stable iff } 0<\eta<2/\lambda_{\max}":
    r"\theta \leftarrow (I-\eta A)\theta,\quad \text{稳定当且仅当 } 0<\eta<2/\lambda_{\max}",
  r"\kappa=\lambda_{\max}/\lambda_{\min},\quad |1-\eta\lambda_i|\ \text{per direction}":
    r"\kappa=\lambda_{\max}/\lambda_{\min},\quad |1-\eta\lambda_i|\ \text{（每个方向）}",
  r"\eta\propto B\ \text{(linear)}\qquad \eta\propto\sqrt{B}\ \text{(square root)}":
    r"\eta\propto B\ \text{（线性）}\qquad \eta\propto\sqrt{B}\ \text{（平方根）}",
  r"\eta_t=\eta_{\min}+\tfrac12(\eta_{\max}-\eta_{\min})\bigl(1+\cos(\pi T_{cur}/T_i)\bigr),\quad v\leftarrow 0\ \text{at restarts}":
    r"\eta_t=\eta_{\min}+\tfrac12(\eta_{\max}-\eta_{\min})\bigl(1+\cos(\pi T_{cur}/T_i)\bigr),\quad v\leftarrow 0\ \text{（重启时）}",
  r"m_t=\beta_{1,t}m_{t-1}+(1-\beta_{1,t})g,\quad \hat m_t=\frac{m_t}{1-\beta_{1,t}^{\,t}},\quad \text{constant } g:\ \frac{\hat m_t}{g}=\frac{1-\prod_{k\le t}\beta_{1,k}}{1-\beta_{1,t}^{\,t}}":
    r"m_t=\beta_{1,t}m_{t-1}+(1-\beta_{1,t})g,\quad \hat m_t=\frac{m_t}{1-\beta_{1,t}^{\,t}},\quad \text{常数 } g:\ \frac{\hat m_t}{g}=\frac{1-\prod_{k\le t}\beta_{1,k}}{1-\beta_{1,t}^{\,t}}",
  r"\text{if } \lVert g(\theta_{\text{next}})\rVert/\lVert g(\theta)\rVert>1.2:\ \text{reject},\ \eta\leftarrow\eta/2":
    r"\text{若 } \lVert g(\theta_{\text{下一步}})\rVert/\lVert g(\theta)\rVert>1.2:\ \text{拒绝这一步},\ \eta\leftarrow\eta/2",
  r"\hat\lambda_{\max}\ \text{by power iteration on } Hv,\qquad \eta_t=2s/\hat\lambda_{\max,t},\ s\in(0,1)":
    r"\hat\lambda_{\max}\ \text{由 } Hv \text{ 的幂迭代估计},\qquad \eta_t=2s/\hat\lambda_{\max,t},\ s\in(0,1)",
  r"\eta\,\lambda_{\max}<2\ \text{to stay};\quad \text{sharpness}=\lambda_{\max}(\nabla^2 f(\theta_{\text{end}}))":
    r"\eta\,\lambda_{\max}<2\ \text{才能停留};\quad \text{锐度}=\lambda_{\max}(\nabla^2 f(\theta_{\text{终点}}))",
  r"\eta\,\lambda_{\text{pit}}>2\ \Rightarrow\ \text{cannot stay in the pit};\qquad f_{\text{val}}(\theta)=f(\theta-s)":
    r"\eta\,\lambda_{\text{坑}}>2\ \Rightarrow\ \text{无法停留在坑中};\qquad f_{\text{验证}}(\theta)=f(\theta-s)",
  r"\eta_t=\eta_0\,\gamma^{\#\{m_i\le t\}},\qquad \mathbb E[f]_{\text{floor}}\approx\sum_i\frac{\eta\sigma^2}{2(2-\eta\lambda_i)}":
    r"\eta_t=\eta_0\,\gamma^{\#\{m_i\le t\}},\qquad \mathbb E[f]_{\text{噪声底}}\approx\sum_i\frac{\eta\sigma^2}{2(2-\eta\lambda_i)}",
  r"v\leftarrow 0\ \text{at each restart}\quad\text{vs}\quad v\leftarrow\beta v+g":
    r"v\leftarrow 0\ \text{（每次重启时）}\quad\text{对比}\quad v\leftarrow\beta v+g",
  r"\text{stable iff } 0<\eta<2/\lambda_{\max}":
    r"\text{稳定当且仅当 } 0<\eta<2/\lambda_{\max}",
  r"\text{heavy ball stable iff } 0\le\beta<1,\ 0<\eta\lambda<2(1+\beta)":
    r"\text{重球法稳定当且仅当 } 0\le\beta<1,\ 0<\eta\lambda<2(1+\beta)",
}
def fm(f): return dict(en=f, zh=ZH_FORMULA.get(f, f))
def preset(id, seeds, title, question, formula, spec, expect, window=None):
    """window: the N of "the last N steps" the card compares means over (the end readouts start there)."""
    p = dict(id=id, seeds=seeds, title=dict(en=title[0], zh=title[1]),
             question=dict(en=question[0], zh=question[1]), formula=fm(formula), spec=spec,
             expect=dict(en=expect[0], zh=expect[1]))
    if window is not None: p["meanOverLast"] = window
    P.append(p)
def sgd(lr, **kw): return dict(type="sgd", lr=lr, **kw)
def q(*ev, **kw): return dict(type="quadratic", eigenvalues=list(ev), **kw)
def run(label, opt, steps, start=None, **kw):
    r = dict(label=label)
    if start is not None: r["start"] = start
    r["steps"] = steps; r["optimizer"] = opt; r.update(kw); return r

preset("s1-stability-edge", ["S1"],
  ("The stability edge: η < 2/λmax", "稳定性边界：η < 2/λmax"),
  ("Both runs start at the same point on a quadratic with λmax = 10, so 2/λmax = 0.2. One uses η = 0.19, the other η = 0.21. Which one converges? Watch the steep coordinate: its factor |1 − ηλ| is 0.9 for one run and 1.1 for the other. Try η = 0.1 (ηλmax = 1, one step) and η = 0.15 (oscillating but converging).",
   "两条轨迹从同一点出发，二次函数的 λmax = 10，所以 2/λmax = 0.2。一条用 η = 0.19，另一条用 η = 0.21。哪一条会收敛？注意陡峭方向上的坐标：它的收缩因子 |1 − ηλ| 一条是 0.9，另一条是 1.1。再试试 η = 0.1（ηλmax = 1，一步到位）和 η = 0.15（来回振荡但仍收敛）。"),
  r"\theta \leftarrow (I-\eta A)\theta,\quad \text{stable iff } 0<\eta<2/\lambda_{\max}",
  dict(landscape=q(1, 10), runs=[run("η = 0.19", sgd(0.19), 320, [-4, 2]), run("η = 0.21", sgd(0.21), 320, [-4, 2])]),
  ("η = 0.19 converges to the minimum; η = 0.21 oscillates with growing amplitude and diverges (‖θ‖ passes 1e12 near step 290).",
   "η = 0.19 收敛到极小值点；η = 0.21 振幅越来越大，最终发散（约第 290 步时 ‖θ‖ 超过 1e12）。"))

preset("s1-worked-example", ["S1"],
  ("Worked example: J = θ², θ₀ = 2", "例题：J = θ²，θ₀ = 2"),
  ("J = θ² has curvature λ = 2, so every step multiplies θ by (1 − 2η). With η = 0.1 you get 1.6, 1.28, 1.024, … ; η = 0.5 lands on 0 in one step; η = 0.9 flips sign every step but shrinks; η = 1.1 flips and grows. Which η values give |1 − 2η| < 1?",
   "J = θ² 的曲率 λ = 2，所以每一步都把 θ 乘以 (1 − 2η)。η = 0.1 时依次得到 1.6、1.28、1.024……；η = 0.5 一步就落到 0；η = 0.9 每步都变号但越来越小；η = 1.1 每步变号且越来越大。哪些 η 满足 |1 − 2η| < 1？"),
  r"\theta_{t+1} = \theta_t - \eta\,\nabla J = (1-2\eta)\,\theta_t",
  dict(landscape=q(2), runs=[run("η = 0.1", sgd(0.1), 20, [2]), run("η = 0.5", sgd(0.5), 20, [2]),
                             run("η = 0.9", sgd(0.9), 20, [2]), run("η = 1.1", sgd(1.1), 20, [2])]),
  ("0.1: 2, 1.6, 1.28, 1.024, 0.8192 …; 0.5: 0 after one step; 0.9: |θ| shrinks by 0.8 with alternating sign; 1.1: |θ| grows by 1.2 per step.",
   "0.1：2、1.6、1.28、1.024、0.8192……；0.5：一步后为 0；0.9：符号交替，|θ| 每步乘 0.8；1.1：|θ| 每步乘 1.2，不断增大。"))

preset("s2-feature-scaling", ["S2"],
  ("Feature scaling moves the stability edge", "特征缩放会移动稳定性边界"),
  ("Linear regression with H = XᵀX/n on data whose feature 2 is multiplied by 3 (featureScale [1, 3]): its diagonal entry of H grows by 9, and λmax with it. One run keeps η = 0.5, stable for the unscaled data; the other divides it by 9. Compare λmax and 2/λmax in the analysis: which run stays below the edge? Then standardise (featureScale [1, 1]) and watch η = 0.5 converge again.",
   "线性回归，H = XᵀX/n，数据的特征 2 乘以 3（featureScale [1, 3]）：H 中对应的对角元变成 9 倍，λmax 也随之变大。一次训练保持 η = 0.5（对未缩放的数据是稳定的），另一次把它除以 9。对比分析面板里的 λmax 和 2/λmax：哪一次在稳定边界之内？再把特征标准化（featureScale [1, 1]），看 η = 0.5 重新收敛。"),
  r"H=\tfrac1n X^\top X,\quad x_j \to s\,x_j \Rightarrow H_{jj}\to s^2 H_{jj},\quad \eta<2/\lambda_{\max}(H)",
  dict(landscape=dict(type="linearRegression", n=200, features=2, featureScale=[1, 3], noise=0.1, seed=1),
       runs=[run("η = 0.5", sgd(0.5), 200), run("η = 0.5 / 9", sgd(0.5 / 9), 200)]),
  ("With feature 2 scaled by 3, λmax ≈ 9× larger: η = 0.5 now diverges, while η = 0.5/9 converges.",
   "特征 2 放大 3 倍后，λmax 约变为 9 倍：η = 0.5 发散，而 η = 0.5/9 收敛。"))

preset("s3-condition-number", ["S3", "S1"],
  ("Ill-conditioning: zig-zag and a slow valley floor", "病态条件：之字形振荡与缓慢的谷底"),
  ("Eigenvalues 1 and 100 give κ = 100. With η = 0.019, just under 2/λmax = 0.02, the steep coordinate flips sign every step (factor |1 − 1.9| = 0.9) while the flat one shrinks by only 0.981 per step. With η = 0.01 the steep direction is solved in one step, but the flat one is even slower. Is there any η that is fast in both directions?",
   "特征值 1 和 100，条件数 κ = 100。η = 0.019 略小于 2/λmax = 0.02：陡峭方向的坐标每步变号（因子 |1 − 1.9| = 0.9），平坦方向每步只缩小到 0.981 倍。η = 0.01 时陡峭方向一步就解决了，但平坦方向更慢。有没有一个 η 能在两个方向上都快？"),
  r"\kappa=\lambda_{\max}/\lambda_{\min},\quad |1-\eta\lambda_i|\ \text{per direction}",
  dict(landscape=q(1, 100), runs=[run("η = 0.019", sgd(0.019), 100, [4, 1]), run("η = 0.01", sgd(0.01), 100, [4, 1])]),
  ("η = 0.019 zig-zags across the valley; after 100 steps the flat coordinate is still about 15% of its start.",
   "η = 0.019 在山谷两侧来回之字形跳动；100 步之后平坦方向的坐标仍有起点的约 15%。"))

preset("s4-minibatch-noise", ["S4"],
  ("Mini-batch noise: Var(ĝ) = σ²/B", "小批量噪声：Var(ĝ) = σ²/B"),
  ("The same η = 0.1 with gradient noise σ = 1 and batch sizes 1, 4 and 16. Once near the minimum the iterate jitters; the stationary loss should scale like 1/B. Read the loss plateau of each run: is 16× the batch 16× less noise?",
   "相同的 η = 0.1，梯度噪声 σ = 1，批量大小分别为 1、4、16。到达极小值附近后，参数会不停抖动；稳态损失应当与 1/B 成正比。读一读每条曲线的损失平台：批量大 16 倍，噪声是不是就小 16 倍？"),
  r"\operatorname{Var}(\hat g_B)=\sigma^2/B,\qquad \operatorname{Var}(\Delta\theta)=\eta^2\sigma^2/B",
  dict(landscape=q(1, 1), runs=[run(f"B = {b}", sgd(0.1), 3000, [3, 3], seed=1, noise=dict(type="gaussian", sigma=1, batchSize=b))
                                for b in (1, 4, 16)]),
  ("The mean loss over the last 1000 steps is about 16× lower for B = 16 than for B = 1.",
   "最后 1000 步的平均损失，B = 16 大约是 B = 1 的 1/16。"), window=1000)

preset("s5-batch-scaling-rules", ["S5", "S4"],
  ("Linear vs square-root scaling of η with batch size", "批量增大时学习率的线性缩放与平方根缩放"),
  ("Run 1 uses B = 4 and η = 0.01 for 200 steps. Runs 2 and 3 use B = 16 for 50 steps, i.e. the same number of samples. The linear rule (η = 0.04) makes the same expected progress per sample; the square-root rule (η = 0.02) keeps the update variance but progresses half as far. Compare the losses at the end.",
   "第 1 条用 B = 4、η = 0.01 训练 200 步。第 2、3 条用 B = 16 训练 50 步，处理的样本数相同。线性规则（η = 0.04）每个样本的期望进展相同；平方根规则（η = 0.02）保持更新方差不变，但只前进了一半。比较最终的损失。"),
  r"\eta\propto B\ \text{(linear)}\qquad \eta\propto\sqrt{B}\ \text{(square root)}",
  dict(landscape=dict(type="linearRegression", n=200, features=2, noise=0.1, seed=1),
       runs=[run("B = 4, η = 0.01", sgd(0.01), 200, seed=1, noise=dict(type="minibatch", batchSize=4)),
             run("B = 16, η = 0.04 (linear)", sgd(0.04), 50, seed=1, noise=dict(type="minibatch", batchSize=16)),
             run("B = 16, η = 0.02 (√ rule)", sgd(0.02), 50, seed=1, noise=dict(type="minibatch", batchSize=16))]),
  ("After the same number of samples the linear rule matches the small-batch run; the √ rule is clearly behind.",
   "在处理相同样本数之后，线性规则与小批量训练的结果一致；平方根规则明显落后。"))

preset("s6-momentum-effective-lr", ["S6"],
  ("Momentum multiplies the learning rate by 1/(1−β)", "动量把学习率放大 1/(1−β) 倍"),
  ("On a gently curved valley, SGD with η = 0.01 and momentum β = 0.9 moves almost exactly like plain SGD with η = 0.1 = 0.01/(1 − 0.9), and much faster than plain SGD with η = 0.01. Check the effective lr in the analysis. To change β without changing the speed, keep η/(1 − β) constant.",
   "在曲率较小的山谷中，η = 0.01、动量 β = 0.9 的 SGD 与 η = 0.1 = 0.01/(1 − 0.9) 的普通 SGD 走得几乎一样，而比 η = 0.01 的普通 SGD 快得多。看看分析面板里的有效学习率。想改变 β 又不改变速度，就保持 η/(1 − β) 不变。"),
  r"v\leftarrow\beta v+g,\quad \theta\leftarrow\theta-\eta v,\quad \eta_{\text{eff}}=\eta/(1-\beta)",
  dict(landscape=q(0.05, 0.5), runs=[run("η = 0.01", sgd(0.01), 300, [5, 5]),
                                     run("η = 0.01, β = 0.9", sgd(0.01, momentum=0.9), 300, [5, 5]),
                                     run("η = 0.1", sgd(0.1), 300, [5, 5])]),
  ("The momentum run ends within a factor 1.5 of the η = 0.1 run, far ahead of plain η = 0.01.",
   "动量训练的最终结果与 η = 0.1 的结果相差不到 1.5 倍，远远领先于 η = 0.01 的普通 SGD。"))

preset("s7-gradient-clipping", ["S7"],
  ("Gradient clipping turns divergence into a bounded cycle", "梯度裁剪把发散变成有界的振荡"),
  ("f = 5θ² (λ = 10) and η = 0.25, so ηλ = 2.5 > 2: plain GD diverges. Clipping the gradient norm to C = 1 caps every step at ηC = 0.25, and the run ends up bouncing around the minimum in a small limit cycle. What happens with C = 0.1? With η = 0.15?",
   "f = 5θ²（λ = 10），η = 0.25，ηλ = 2.5 > 2：普通梯度下降会发散。把梯度范数裁剪到 C = 1 后，每一步最多走 ηC = 0.25，最后在极小值附近的小极限环中来回跳动。C = 0.1 会怎样？η = 0.15 呢？"),
  r"g\leftarrow g\cdot\min\!\left(1,\ \frac{C}{\lVert g\rVert}\right),\qquad \lVert\Delta\theta\rVert\le\eta C",
  dict(landscape=q(10), runs=[run("no clipping", sgd(0.25), 200, [5]), run("clip C = 1", sgd(0.25), 200, [5], clipNorm=1)]),
  ("Unclipped diverges; clipped stays within |θ| ≤ 0.25 after reaching the minimum.",
   "不裁剪时发散；裁剪后到达极小值附近便一直保持在 |θ| ≤ 0.25 以内。"))

preset("s8-momentum-reset-restarts", ["S8", "S21"],
  ("Warm restarts: reset the momentum or keep it?", "热重启时：动量清零还是保留？"),
  ("SGD with momentum 0.9 and warm restarts every 100 steps on the Rosenbrock valley. At every restart the lr jumps back up; the second run also zeroes the velocity. Watch the update size just after each restart and the loss at the end: does zeroing the velocity help here? A kept velocity multiplied by the large lr carries on at full speed, which pays where it still points along the valley and hurts where it points the wrong way. Try a start where it does not, e.g. [1.5, 0].",
   "在 Rosenbrock 山谷上用动量 0.9 的 SGD，每 100 步热重启一次。每次重启学习率都会跳回高值；第二条训练同时把速度清零。观察每次重启之后的更新大小和最终的损失：在这里清零速度有好处吗？保留的速度乘上大学习率会全速继续前进：如果它仍然沿着山谷方向，这是好事；如果它指错了方向，就会坏事。试试一个不同的起点，例如 [1.5, 0]。"),
  r"\eta_t=\eta_{\min}+\tfrac12(\eta_{\max}-\eta_{\min})\bigl(1+\cos(\pi T_{cur}/T_i)\bigr),\quad v\leftarrow 0\ \text{at restarts}",
  dict(landscape=dict(type="rosenbrock"), runs=[
      run("keep momentum", sgd(0.0005, momentum=0.9), 400, [-1.5, 2], schedule=dict(type="cosineWarmRestarts", t0=100)),
      run("reset momentum", sgd(0.0005, momentum=0.9), 400, [-1.5, 2], schedule=dict(type="cosineWarmRestarts", t0=100), resetMomentumOnRestart=True)]),
  ("The trajectories split at the first restart (step 100): the kept velocity jumps straight back to ‖Δθ‖ ≈ 0.0084, the reset run restarts at 0.00084 and needs about 10 steps to get up to speed. On this valley floor the velocity points the right way, so keeping it ends lower: loss 2.748 against 3.236 at step 400.",
   "两条轨迹在第一次重启（第 100 步）时分开：保留的速度让 ‖Δθ‖ 立刻回到约 0.0084，清零的那条从 0.00084 重新起步，大约 10 步才恢复速度。在这段谷底上速度方向是对的，所以保留速度的最终损失更低：第 400 步时为 2.748，而清零的为 3.236。"))

CYC9 = dict(type="cyclic", baseLr=0.01, maxLr=0.1, stepSizeUp=10)
preset("s9-adam-cycling-beta1", ["S9", "S13", "S22"],
  ("Cycling β1 in Adam breaks bias correction", "在 Adam 中循环 β1 会破坏偏差修正"),
  ("On this long, gentle slope the gradient is almost constant (≈ 0.1), and for a constant gradient Adam's bias-corrected step is exactly the learning rate: |Δθ| = η_t. All three runs use the same triangular cyclical lr (0.01 ↔ 0.1, 10 steps up, 10 down). PyTorch's CyclicLR also cycles Adam's β1 by default (cycle_momentum): β1 falls while the lr rises. But m̂ = m/(1 − β1ᵗ) was derived for a constant β1; with a changing β1 the moment is really m = (1 − Πβ1,k)·g, so m̂ is no longer g. Compare the update size with the lr in the first cycles: where is the step smaller than η, where larger, and for how long? Then try maxMomentum 0.95, or turn cycleMomentum off.",
   "在这段又长又缓的斜坡上，梯度几乎不变（约 0.1）。梯度恒定时，Adam 经过偏差修正的步长恰好等于学习率：|Δθ| = η_t。三条训练使用同样的三角形循环学习率（0.01 ↔ 0.1，上升 10 步、下降 10 步）。PyTorch 的 CyclicLR 默认还会循环 Adam 的 β1（cycle_momentum）：学习率上升时 β1 下降。可是 m̂ = m/(1 − β1ᵗ) 是在 β1 恒定的前提下推出来的；β1 变化时，一阶矩实际上是 m = (1 − Πβ1,k)·g，于是 m̂ 不再等于 g。比较前几个周期里更新幅度和学习率：哪里步长比 η 小，哪里比 η 大，又持续多久？然后试试 maxMomentum 0.95，或者关掉 cycleMomentum。"),
  r"m_t=\beta_{1,t}m_{t-1}+(1-\beta_{1,t})g,\quad \hat m_t=\frac{m_t}{1-\beta_{1,t}^{\,t}},\quad \text{constant } g:\ \frac{\hat m_t}{g}=\frac{1-\prod_{k\le t}\beta_{1,k}}{1-\beta_{1,t}^{\,t}}",
  dict(landscape=q(1e-4), runs=[
      run("β1 fixed (cycleMomentum off)", dict(type="adam", lr=0.1), 200, [1000], schedule=dict(CYC9, cycleMomentum=False)),
      run("β1 cycled 0.9 ↔ 0.8 (PyTorch default)", dict(type="adam", lr=0.1), 200, [1000], schedule=dict(CYC9)),
      run("β1 cycled 0.99 ↔ 0.5", dict(type="adam", lr=0.1), 200, [1000], schedule=dict(CYC9, baseMomentum=0.5, maxMomentum=0.99))]),
  ("β1 fixed: every update equals η_t (within 1%). PyTorch default: in the first cycle the updates are up to 12% smaller than η while β1 falls and 8% larger at the lr trough (step 20); the error is gone by step 50. β1 0.99 ↔ 0.5: at the lr troughs the update is 5.2× η (step 20), 3× (step 40), 2.2× (step 60), still 1.2× at step 180, because 0.99ᵗ fades slowly. Every update matches (1 − Πβ1,k)/(1 − β1,tᵗ)·η_t.",
   "β1 固定：每一步的更新都等于 η_t（误差在 1% 以内）。PyTorch 默认设置：第一个周期里 β1 下降时更新比 η 小最多 12%，在学习率谷底（第 20 步）又比 η 大 8%；到第 50 步误差基本消失。β1 在 0.99 ↔ 0.5 之间循环：学习率谷底处的更新是 η 的 5.2 倍（第 20 步）、3 倍（第 40 步）、2.2 倍（第 60 步），到第 180 步仍有 1.2 倍，因为 0.99ᵗ 衰减得很慢。每一步的更新都符合 (1 − Πβ1,k)/(1 − β1,tᵗ)·η_t。"))

preset("s11-rmsprop-vs-adagrad-nonstationary", ["S10", "S11"],
  ("When the gradient scale changes: RMSProp adapts, AdaGrad lags", "梯度尺度突变时：RMSProp 会适应，AdaGrad 跟不上"),
  ("At step 100 every gradient becomes 10× smaller. AdaGrad divides by the square root of the sum of all past squared gradients, which is dominated by the old large ones, so its steps stay ~10× smaller. RMSProp (ρ = 0.9) forgets old gradients on a time scale of 1/(1 − ρ) = 10 steps and its step size recovers. Watch the update norm after step 100.",
   "第 100 步起所有梯度都缩小为原来的 1/10。AdaGrad 除以历史梯度平方和的平方根，而这个和被早先的大梯度主导，所以步长一直小约 10 倍。RMSProp（ρ = 0.9）以 1/(1 − ρ) = 10 步的时间尺度遗忘旧梯度，步长会恢复。观察第 100 步之后的更新幅度。"),
  r"\text{AdaGrad: }G\leftarrow G+g^2\qquad \text{RMSProp: }v\leftarrow\rho v+(1-\rho)g^2,\qquad \theta\leftarrow\theta-\eta\,g/\sqrt{\cdot+\epsilon}",
  dict(landscape=dict(type="nonStationary", base=q(1), atStep=100, gradientScale=0.1),
       runs=[run("AdaGrad", dict(type="adagrad", lr=0.5), 300, [100]),
             run("RMSProp ρ = 0.9", dict(type="rmsprop", lr=0.1, alpha=0.9), 300, [100])]),
  ("50 steps after the drop RMSProp's update is back above half its old size; AdaGrad's stays below 20% of it.",
   "梯度变小 50 步后，RMSProp 的更新幅度恢复到原来的一半以上；AdaGrad 仍低于原来的 20%。"))

preset("s12-adadelta-no-global-lr", ["S12", "S11", "S16"],
  ("AdaDelta needs no global learning rate", "AdaDelta 不需要全局学习率"),
  ("The two coordinates have curvatures 0.01 and 100: the second is the first with its loss scaled by 10⁴. AdaDelta has no step size to tune: its update √(u + ε)/√(v + ε)·g divides the gradient by its own RMS and multiplies by the RMS of the past updates, so it comes out in the units of θ (lr = 1 is PyTorch's default and only a multiplier). Watch both AdaDelta coordinates fall together, while SGD must keep η below 2/100 and then crawls along the flat direction; SGD with AdaDelta's η = 1 blows up at once. Be fair to SGD: it removes the steep coordinate within 50 steps and has the lower loss until about step 800. Note what AdaDelta pays: a slow start (the first step is about √ε/√(1 − ρ) ≈ 0.003 per coordinate) and a rattle in the steep coordinate at the end. Try multiplying both eigenvalues by 100: the two coordinates move in exact lockstep. Then by 0.01: the flat gradient (≈ 3·10⁻⁴) falls below √ε = 10⁻³ and AdaDelta barely moves it, because ε is the one scale it does not adapt to.",
   "两个坐标的曲率分别是 0.01 和 100：第二个坐标相当于把第一个坐标的损失放大 10⁴ 倍。AdaDelta 没有需要调的步长：它的更新 √(u + ε)/√(v + ε)·g 先把梯度除以自身的均方根，再乘以过去更新量的均方根，所以结果天然带着 θ 的单位（lr = 1 是 PyTorch 的默认值，只是一个乘数）。观察 AdaDelta 的两个坐标一起下降；而 SGD 必须让 η 小于 2/100，于是在平坦方向上缓慢爬行；用 AdaDelta 的 η = 1 跑 SGD 则立刻发散。也要公平对待 SGD：它在 50 步内就消除了陡峭方向的误差，直到第 800 步左右损失都更低。也要看到 AdaDelta 的代价：起步很慢（第一步每个坐标只走约 √ε/√(1 − ρ) ≈ 0.003），最后陡峭方向上还会来回抖动。试试把两个特征值都乘以 100：两个坐标完全同步地下降。再试试乘以 0.01：平坦方向的梯度（约 3·10⁻⁴）低于 √ε = 10⁻³，AdaDelta 几乎推不动它，因为 ε 是它唯一不会自适应的尺度。"),
  r"v\leftarrow\rho v+(1-\rho)g^2,\quad \Delta=\frac{\sqrt{u+\epsilon}}{\sqrt{v+\epsilon}}\,g,\quad u\leftarrow\rho u+(1-\rho)\Delta^2,\quad \theta\leftarrow\theta-\Delta",
  dict(landscape=q(0.01, 100), runs=[
      run("AdaDelta (lr = 1, default)", dict(type="adadelta", lr=1.0), 1000, [3, 3]),
      run("SGD η = 0.019 (< 2/λmax)", sgd(0.019), 1000, [3, 3]),
      run("SGD η = 1", sgd(1.0), 1000, [3, 3])]),
  ("Both AdaDelta coordinates start with almost the same step (≈ 0.003) and stay within 5% of each other until step 500; after 1000 steps the flat one is below 0.02 and the loss is 20× below SGD η = 0.019, whose flat coordinate is still above 2.4. SGD η = 1 diverges. With both eigenvalues × 100 the steep coordinate's path is unchanged (to 1e-3) and the flat one follows it in lockstep; with × 0.01 the flat coordinate stays above 2.5.",
   "AdaDelta 的两个坐标第一步走得几乎一样（约 0.003），在第 500 步之前相差不到 5%；1000 步后平坦方向的坐标小于 0.02，损失比 SGD η = 0.019 低 20 倍，而后者的平坦坐标仍大于 2.4。SGD η = 1 发散。两个特征值都乘以 100 后，陡峭坐标的轨迹不变（误差在 1e-3 以内），平坦坐标与它同步下降；乘以 0.01 后，平坦坐标一直停在 2.5 以上。"))

preset("s13-adam-bias-correction", ["S13", "S16"],
  ("Adam's first step: bias correction makes it exactly α", "Adam 的第一步：偏差修正让它恰好等于 α"),
  ("The two coordinates have curvatures 0.01 and 100, so their gradients differ by 10⁴. Yet Adam's first update moves each coordinate by exactly α = 0.1: m̂₁ = g₁ and v̂₁ = g₁², so the step is α·g/|g|. Without the 1/(1 − βᵗ) factors the first steps would be far too small. The second run uses β2 = 0.99: compare in the update norm chart how fast the steps settle.",
   "两个坐标的曲率分别是 0.01 和 100，梯度相差 10⁴ 倍。但 Adam 的第一步在每个坐标上都恰好移动 α = 0.1：m̂₁ = g₁，v̂₁ = g₁²，所以步长是 α·g/|g|。如果没有 1/(1 − βᵗ) 修正，最初几步会小得多。第二条轨迹使用 β2 = 0.99：在更新量范数图中比较步长稳定下来的速度。"),
  r"\hat m_t=\frac{m_t}{1-\beta_1^t},\quad \hat v_t=\frac{v_t}{1-\beta_2^t},\quad \theta\leftarrow\theta-\alpha\,\frac{\hat m_t}{\sqrt{\hat v_t}+\epsilon}",
  dict(landscape=q(0.01, 100), runs=[run("Adam β = (0.9, 0.999)", dict(type="adam", lr=0.1), 300, [3, 3]),
                                     run("Adam β = (0.9, 0.99)", dict(type="adam", lr=0.1, beta2=0.99), 300, [3, 3])]),
  ("Step 1 moves both coordinates by 0.1 despite a 10⁴ gradient ratio.", "第 1 步两个坐标都移动 0.1，尽管梯度相差 10⁴ 倍。"))

preset("s15-float16-adam-eps", ["S15", "S13"],
  ("Mixed precision: Adam's ε in float16", "混合精度：float16 下 Adam 的 ε"),
  ("Gradients here are about 10⁻⁴. In float16, g² ≈ 10⁻⁸ underflows to 0, so v̂ = 0 and the step becomes α·m̂/ε. With ε = 10⁻⁸ that is 10⁴× too large and the run is thrown far away; ε = 10⁻⁴ bounds the step. The float64 run shows the intended behaviour.",
   "这里的梯度约为 10⁻⁴。在 float16 中，g² ≈ 10⁻⁸ 下溢为 0，于是 v̂ = 0，步长变成 α·m̂/ε。ε = 10⁻⁸ 时步长大了 10⁴ 倍，参数被甩得很远；ε = 10⁻⁴ 则把步长限制住了。float64 的那条曲线展示了本来应有的行为。"),
  r"\Delta\theta=-\alpha\,\frac{\hat m}{\sqrt{\hat v}+\epsilon},\quad \hat v\to 0\ \Rightarrow\ |\Delta\theta|\approx\alpha|\hat m|/\epsilon",
  dict(landscape=q(1e-4, 1e-4), runs=[
      run("float64, ε = 1e-8", dict(type="adam", lr=0.001), 300, [1, 1]),
      run("float16, ε = 1e-8", dict(type="adam", lr=0.001, precision="float16"), 300, [1, 1]),
      run("float16, ε = 1e-4", dict(type="adam", lr=0.001, eps=1e-4, precision="float16"), 300, [1, 1])]),
  ("float16 with ε = 1e-8 jumps far from the start (|θ| > 5); with ε = 1e-4 every step stays ≈ α·√2 or smaller.",
   "float16、ε = 1e-8 时参数跳到离起点很远的地方（|θ| > 5）；ε = 1e-4 时每一步都不超过约 α·√2。"))

preset("s14-adamw-vs-adam-l2", ["S14"],
  ("AdamW vs Adam + L2", "AdamW 与 Adam + L2 的区别"),
  ("Both runs use weight decay 0.1 on the Rosenbrock valley, whose minimum is (1, 1). Adam + L2 adds 0.1·θ to the gradient before Adam divides by √v̂: it can only stop where ∇f + 0.1·θ = 0, the minimum of f + 0.05‖θ‖². AdamW takes η·0.1·θ off θ after the division, so the decay is not rescaled with the gradient: where it stops, the normalised step m̂/√v̂ balances 0.1·θ. They end at measurably different points. Which one is pulled closer to the origin, and which one is still moving?",
   "两次训练在 Rosenbrock 山谷上都使用 0.1 的权重衰减，山谷的极小值在 (1, 1)。Adam + L2 在 Adam 除以 √v̂ 之前把 0.1·θ 加到梯度里：它只能停在 ∇f + 0.1·θ = 0 的地方，也就是 f + 0.05‖θ‖² 的极小值。AdamW 在除法之后从 θ 中减去 η·0.1·θ，衰减不随梯度一起缩放：它停下的地方，归一化的步长 m̂/√v̂ 与 0.1·θ 相互抵消。两者最终停在明显不同的位置。哪一个被拉得离原点更近？哪一个还在移动？"),
  r"\text{L2: } g\leftarrow g+\lambda\theta\qquad \text{AdamW: } \theta\leftarrow\theta-\eta\lambda\theta-\eta\,\hat m/(\sqrt{\hat v}+\epsilon)",
  dict(landscape=dict(type="rosenbrock"), runs=[
      run("Adam + L2 (0.1)", dict(type="adam", lr=0.01, weightDecay=0.1), 5000, [-1.5, 2]),
      run("AdamW (0.1)", dict(type="adamw", lr=0.01, weightDecay=0.1), 5000, [-1.5, 2])]),
  ("After 5000 steps Adam + L2 has stopped at (0.886, 0.785), |θ| = 1.184, the minimum of f + 0.05‖θ‖² (its steps are 1e-14). AdamW is at (0.936, 0.875), |θ| = 1.281, still creeping towards (1, 1) with steps of 6e-5. The end points are 0.10 apart: here L2 pulls harder towards the origin.",
   "5000 步后，Adam + L2 停在 (0.886, 0.785)，|θ| = 1.184，正是 f + 0.05‖θ‖² 的极小值（步长只有 1e-14）。AdamW 在 (0.936, 0.875)，|θ| = 1.281，仍以 6e-5 的步长慢慢向 (1, 1) 移动。两个终点相距 0.10：在这里 L2 把参数拉向原点的力更强。"))

preset("s16-diagonal-preconditioning", ["S16", "S3"],
  ("Adaptive methods as diagonal preconditioners", "自适应方法就是对角预条件"),
  ("On A = diag(0.1, 100) (κ = 1000) GD must keep η < 0.02 for the steep direction and crawls along the flat one. RMSProp and Adam divide each coordinate by √v ≈ |g| ∝ aᵢ, which is the ideal diagonal preconditioner, and progress equally in both directions. Compare the losses after 200 steps, then try Adam (its momentum overshoots in the flat direction).",
   "在 A = diag(0.1, 100)（κ = 1000）上，GD 为了陡峭方向必须保持 η < 0.02，在平坦方向上只能缓慢爬行。RMSProp 和 Adam 把每个坐标除以 √v ≈ |g| ∝ aᵢ，这正是理想的对角预条件，于是两个方向进展相当。比较 200 步后的损失，然后试试 Adam（它的动量会在平坦方向上冲过头）。"),
  r"\theta\leftarrow\theta-\eta D^{-1}g,\quad D\approx\operatorname{diag}(\sqrt{v})\propto\operatorname{diag}(a)",
  dict(landscape=q(0.1, 100), runs=[run("GD η = 0.019", sgd(0.019), 200, [5, 5]),
                                   run("RMSProp", dict(type="rmsprop", lr=0.05), 200, [5, 5])]),
  ("RMSProp ends with a loss at least 10× lower than GD.", "RMSProp 的最终损失至少比 GD 低 10 倍。"))

preset("s17-rollback", ["S17"],
  ("Look ahead, roll back, halve η", "向前看一步，不行就退回并把 η 减半"),
  ("η = 0.5 is far too large for λmax = 10 (ηλ = 5). Plain GD diverges. With roll-back, a step is rejected when the next gradient is more than 1.2× larger than the current one; η is halved and the step retried. How many roll-backs happen and which η does the run end with? Then try the ratio 1.5: at η = 0.25 the steep direction grows by exactly |1 − 2.5| = 1.5 per step, and the check never fires.",
   "对 λmax = 10 来说 η = 0.5 太大了（ηλ = 5），普通梯度下降会发散。启用回退后，如果下一步的梯度比当前梯度大 1.2 倍以上，这一步就被拒绝，η 减半后重试。一共发生了几次回退？最终的 η 是多少？再试试比值 1.5：η = 0.25 时陡峭方向每步恰好增长 |1 − 2.5| = 1.5 倍，检查永远不会触发。"),
  r"\text{if } \lVert g(\theta_{\text{next}})\rVert/\lVert g(\theta)\rVert>1.2:\ \text{reject},\ \eta\leftarrow\eta/2",
  dict(landscape=q(1, 10), runs=[run("plain η = 0.5", sgd(0.5), 100, [-4, 2]),
                                 run("roll-back", sgd(0.5), 100, [-4, 2], rollback=dict(ratio=1.2, factor=0.5))]),
  ("Plain diverges at step 20; roll-back halves η twice at the first step, to 0.125 (|1 − 1.25| = 0.25 in the steep direction), and converges without ever growing.",
   "普通 GD 在第 20 步发散；回退在第一步就把 η 减半两次，变为 0.125（陡峭方向的因子 |1 − 1.25| = 0.25），然后收敛，损失从未增大。"))

preset("s18-curvature-lr", ["S18", "S1"],
  ("Curvature-aware learning rate: η = 2s/λ̂max", "曲率感知学习率：η = 2s/λ̂max"),
  ("On the Rosenbrock valley the curvature changes along the path. A constant η small enough for the steepest point is slow elsewhere; a larger one diverges. The curvature schedule estimates λmax by power iteration with Hessian-vector products at every step and uses η = 2·0.9/λ̂max. Compare the lr curves and the final losses.",
   "在 Rosenbrock 山谷上，曲率沿着路径不断变化。对最陡处足够小的常数 η 在别处太慢；更大的则会发散。曲率调度在每一步用 Hessian-向量积做幂迭代估计 λmax，并取 η = 2·0.9/λ̂max。比较学习率曲线和最终损失。"),
  r"\hat\lambda_{\max}\ \text{by power iteration on } Hv,\qquad \eta_t=2s/\hat\lambda_{\max,t},\ s\in(0,1)",
  dict(landscape=dict(type="rosenbrock"), runs=[
      run("constant η = 0.0002", sgd(0.0002), 2000, [-1.5, 2]),
      run("constant η = 0.003", sgd(0.003), 2000, [-1.5, 2]),
      run("curvature s = 0.9", sgd(0.0002), 2000, [-1.5, 2], schedule=dict(type="curvature", safety=0.9))]),
  ("The curvature run completes with a loss far below the small constant η (0.007 vs 4.8); η = 0.003 diverges.",
   "曲率调度顺利完成，损失远低于小常数 η（0.007 对 4.8）；η = 0.003 发散。"))

NOISY = lambda: dict(type="gaussian", sigma=1)
preset("s19-decay-schedules", ["S19"],
  ("Step, exponential and 1/t decay", "阶梯衰减、指数衰减与 1/t 衰减"),
  ("With noisy gradients a constant η keeps jittering at a noise floor proportional to η. Decaying the lr shrinks the floor: step decay (×0.3 every 200 steps), exponential η₀e^(−kt) and time-based η₀/(1 + kt). Compare the loss in the last 100 steps and the shape of each lr curve.",
   "梯度带噪声时，常数 η 会在与 η 成正比的噪声底上一直抖动。衰减学习率可以降低这个底：阶梯衰减（每 200 步乘 0.3）、指数衰减 η₀e^(−kt) 和按时间衰减 η₀/(1 + kt)。比较最后 100 步的损失和每条学习率曲线的形状。"),
  r"\eta_t=\eta_0\gamma^{\lfloor t/s\rfloor},\quad \eta_0 e^{-kt},\quad \frac{\eta_0}{1+kt}",
  dict(landscape=q(1, 1), runs=[
      run("constant", sgd(0.1), 800, [3, 3], seed=2, noise=NOISY()),
      run("step ×0.3 / 200", sgd(0.1), 800, [3, 3], seed=2, noise=NOISY(), schedule=dict(type="step", stepSize=200, gamma=0.3)),
      run("exponential k = 0.005", sgd(0.1), 800, [3, 3], seed=2, noise=NOISY(), schedule=dict(type="exponential", k=0.005)),
      run("1/t, k = 0.02", sgd(0.1), 800, [3, 3], seed=2, noise=NOISY(), schedule=dict(type="inverseTime", k=0.02))]),
  ("In the last 100 steps every decay's mean loss is at least 3× below the constant lr's.", "最后 100 步中，每种衰减的平均损失都至少比常数学习率低 3 倍。"), window=100)

preset("s20-cosine-annealing", ["S20"],
  ("Cosine annealing", "余弦退火"),
  ("Cosine annealing starts at η_max, is halfway at T/2 and reaches η_min at T. With noisy gradients it ends much closer to the minimum than the constant lr. Try η_min > 0 and a shorter T.",
   "余弦退火从 η_max 开始，在 T/2 处降到一半，在 T 处到达 η_min。在梯度有噪声的情况下，它最终比常数学习率更接近极小值。试试 η_min > 0，以及更短的 T。"),
  r"\eta_t=\eta_{\min}+\tfrac12(\eta_{\max}-\eta_{\min})\bigl(1+\cos(\pi t/T)\bigr)",
  dict(landscape=q(1, 1), runs=[
      run("constant", sgd(0.1), 600, [3, 3], seed=3, noise=NOISY()),
      run("cosine, η_min = 0", sgd(0.1), 600, [3, 3], seed=3, noise=NOISY(), schedule=dict(type="cosine", tMax=600)),
      run("cosine, η_min = 0.02", sgd(0.1), 600, [3, 3], seed=3, noise=NOISY(), schedule=dict(type="cosine", tMax=600, etaMin=0.02))]),
  ("At t = 300 the lr is (η_max + η_min)/2; in the last 50 steps cosine to 0 has a mean loss at least 5× below constant.",
   "t = 300 时学习率为 (η_max + η_min)/2；最后 50 步中，退火到 0 的平均损失至少比常数学习率低 5 倍。"), window=50)

preset("s21-sgdr-cycle-doubling", ["S21"],
  ("SGDR: warm restarts and cycle doubling", "SGDR：热重启与周期倍增"),
  ("Cosine annealing with warm restarts: the lr jumps back to η_max at each restart. With T₀ = 50 and T_mult = 2 the cycles last 50, 100, 200 … steps (restarts at 50, 150, 350), a coarse-to-fine 'multigrid in time'. Compare with fixed cycles of 100 steps on the noisy bowl.",
   "带热重启的余弦退火：每次重启时学习率跳回 η_max。T₀ = 50、T_mult = 2 时，各周期长度为 50、100、200……步（在第 50、150、350 步重启），像是“时间上的多重网格”，由粗到细。和噪声碗状函数上固定 100 步的周期比较。"),
  r"\eta_t=\eta_{\min}+\tfrac12(\eta_{\max}-\eta_{\min})\bigl(1+\cos(\pi T_{cur}/T_i)\bigr),\quad T_{i+1}=T_{mult}\,T_i",
  dict(landscape=q(1, 1), runs=[
      run("T₀ = 50, T_mult = 2", sgd(0.1), 750, [3, 3], seed=4, noise=NOISY(), schedule=dict(type="cosineWarmRestarts", t0=50, tMult=2)),
      run("T₀ = 100, T_mult = 1", sgd(0.1), 750, [3, 3], seed=4, noise=NOISY(), schedule=dict(type="cosineWarmRestarts", t0=100))]),
  ("Run 1 restarts (lr back to 0.1) exactly at steps 50, 150 and 350.", "第 1 条在第 50、150、350 步准确重启（学习率回到 0.1）。"))

preset("s22-cyclic-and-warmup", ["S22", "S28"],
  ("Cyclical lr and warm-up then cosine", "循环学习率，以及先预热再余弦退火"),
  ("A triangular cyclical lr bounces between 0.01 and 0.1 every 50 steps. Warm-up then cosine rises linearly from 0.01 to 0.1 over 50 steps, then anneals to 0. High lr early learns the coarse structure, low lr at the end fine-tunes. Compare the lr curves and where each run ends.",
   "三角形循环学习率每 50 步在 0.01 和 0.1 之间往返。“预热 + 余弦”先在 50 步内从 0.01 线性升到 0.1，然后退火到 0。前期的大学习率学习粗略结构，后期的小学习率精细调整。比较学习率曲线和各自的终点。"),
  r"\eta_t=\eta_{\text{base}}+(\eta_{\max}-\eta_{\text{base}})\max(0,1-|t/s-2k-1|)",
  dict(landscape=q(1, 1), runs=[
      run("cyclic 0.01 ↔ 0.1", sgd(0.1), 500, [3, 3], seed=5, noise=NOISY(),
          schedule=dict(type="cyclic", baseLr=0.01, maxLr=0.1, stepSizeUp=50, cycleMomentum=False)),
      run("warm-up + cosine", sgd(0.1), 500, [3, 3], seed=5, noise=NOISY(),
          schedule=dict(type="sequential", milestones=[50], schedules=[dict(type="linear", startFactor=0.1, totalIters=50),
                                                                       dict(type="cosine", tMax=450)]))]),
  ("Cyclic: lr 0.01 at steps 0, 100, 200 and 0.1 at 50, 150. Warm-up: 0.01 → 0.1 at step 50, then down to ≈ 0.",
   "循环：第 0、100、200 步为 0.01，第 50、150 步为 0.1。预热：第 50 步从 0.01 升到 0.1，之后降到约 0。"))

preset("s23-robbins-monro", ["S23"],
  ("Robbins–Monro: Σηt = ∞ and Σηt² < ∞", "Robbins–Monro 条件：Σηt = ∞ 且 Σηt² < ∞"),
  ("A pure cycle keeps adding the same amount to Σηt² every period, so Σηt² grows without bound and the noise never averages out. Multiplying the cycle by a 1/t envelope keeps Σηt growing (like log t) but makes Σηt² converge. Compare the partial sums in their chart (Σηt solid, Σηt² dashed) and the jitter at the end.",
   "纯循环学习率每个周期给 Σηt² 加上同样多的量，因此 Σηt² 无限增长，噪声永远平均不掉。把循环乘上 1/t 包络后，Σηt 仍然增长（像 log t），而 Σηt² 收敛。比较部分和图中的曲线（Σηt 实线，Σηt² 虚线）以及最后阶段的抖动。"),
  r"\sum_t\eta_t=\infty,\qquad \sum_t\eta_t^2<\infty",
  dict(landscape=q(1, 1), runs=[
      run("pure cycle", sgd(0.1), 2000, [3, 3], seed=6, noise=NOISY(),
          schedule=dict(type="cyclic", baseLr=0.02, maxLr=0.1, stepSizeUp=50, cycleMomentum=False)),
      run("cycle × 1/t envelope", sgd(0.1), 2000, [3, 3], seed=6, noise=NOISY(),
          schedule=dict(type="scaled", schedule=dict(type="cyclic", baseLr=0.02, maxLr=0.1, stepSizeUp=50, cycleMomentum=False),
                        envelope=dict(type="inverseTime", k=0.05)))]),
  ("Pure cycle: Σηt² over steps 1000–2000 ≈ over 0–1000. Envelope: the second half adds < 25% of the first to Σηt², but Σηt still grows.",
   "纯循环：第 1000–2000 步对 Σηt² 的贡献与第 0–1000 步相当。加包络后：后半段对 Σηt² 的贡献不到前半段的 25%，但 Σηt 仍在增长。"))

preset("s24-noise-thermostat", ["S24"],
  ("The noise thermostat: lr and noise as one temperature", "噪声恒温器：学习率与噪声合为一个“温度”"),
  ("The cosine schedule lowers η towards 0, and the steps of plain GD shrink to nothing. The thermostat injects just enough Gaussian noise that E‖Δθ‖² stays at the target K = 0.01. Compare the update norms at the end: the thermostat keeps the system 'warm'.",
   "余弦调度把 η 逐渐降到 0，普通梯度下降的步长也随之缩小到几乎为零。恒温器注入恰好足够的高斯噪声，使 E‖Δθ‖² 保持在目标值 K = 0.01。比较最后阶段的更新幅度：恒温器让系统保持“温热”。"),
  r"\theta\leftarrow\theta+\Delta+\zeta,\quad \zeta\sim\mathcal N(0,\tau^2 I),\quad \tau^2=\max(0,K-\lVert\Delta\rVert^2)/d",
  dict(landscape=q(1, 1), runs=[
      run("cosine, no noise", sgd(0.1), 1000, [3, 3], schedule=dict(type="cosine", tMax=1000)),
      run("cosine + thermostat K = 0.01", sgd(0.1), 1000, [3, 3], seed=7, schedule=dict(type="cosine", tMax=1000),
          noise=dict(type="thermostat", targetK=0.01))]),
  ("In the last 200 steps the thermostat run's mean ‖Δθ‖² is ≈ 0.01 (±30%); the plain run's is below 1e-4.",
   "最后 200 步中，恒温器训练的平均 ‖Δθ‖² 约为 0.01（±30%）；普通训练低于 1e-4。"), window=200)

preset("s25-double-well-restarts", ["S25", "S21"],
  ("Double well: restarts can find the deeper valley", "双势阱：重启可以找到更深的山谷"),
  ("f(θ) = θ⁴ − 2θ² + 0.3θ has a shallow well near θ ≈ 0.96 and a deeper one near θ ≈ −1.04. Both runs start in the shallow well with noisy gradients (σ = 1). A cosine decay from η = 0.05 settles where it is. Warm restarts back to η = 0.2 every 100 steps re-heat the system and can kick it over the barrier. Change the seed: how often does each schedule end in the deeper well?",
   "f(θ) = θ⁴ − 2θ² + 0.3θ 在 θ ≈ 0.96 附近有一个浅阱，在 θ ≈ −1.04 附近有一个更深的阱。两条训练都从浅阱出发，梯度带噪声（σ = 1）。从 η = 0.05 开始的余弦衰减就停在原地。每 100 步热重启回 η = 0.2 会让系统重新“升温”，有机会越过势垒。换几个随机种子：每种调度各有多大比例落在深阱里？"),
  r"f(\theta)=\theta^4-2a\theta^2+b\theta",
  dict(landscape=dict(type="doubleWell", a=1, b=0.3), runs=[
      run("cosine decay from 0.05", sgd(0.05), 1000, [0.96], seed=1, noise=dict(type="gaussian", sigma=1),
          schedule=dict(type="cosine", tMax=1000)),
      run("warm restarts to 0.2", sgd(0.2), 1000, [0.96], seed=1, noise=dict(type="gaussian", sigma=1),
          schedule=dict(type="cosineWarmRestarts", t0=100))]),
  ("With this seed the decay ends in the shallow well (θ > 0) and the restarts in the deeper one (θ < 0); over seeds 0–9 restarts reach the deeper well far more often.",
   "在这个随机种子下，衰减停在浅阱（θ > 0），重启到达深阱（θ < 0）；在种子 0–9 中，重启到达深阱的次数明显更多。"))

preset("s26-flat-vs-sharp", ["S26"],
  ("Flat vs sharp minima: large η cannot stay in a sharp pit", "平坦与尖锐极小值：大学习率无法停留在尖锐的坑里"),
  ("Both runs start next to the sharp minimum (curvature ≈ 53, so it is only stable for η < 2/53 ≈ 0.038). η = 0.01 stays in it; η = 0.2 is thrown out and settles in the wide basin (curvature ≈ 1). The 'test' landscape is the same function shifted by (0.3, 0.3): compare sharpness (λmax at the end) and test loss.",
   "两条训练都从尖锐极小值旁边出发（曲率约 53，只有 η < 2/53 ≈ 0.038 时才稳定）。η = 0.01 停在里面；η = 0.2 被甩出去，最后落在宽阔的盆地里（曲率约 1）。“测试”函数是同一个函数平移 (0.3, 0.3)：比较终点的尖锐度（λmax）和测试损失。"),
  r"\eta\,\lambda_{\max}<2\ \text{to stay};\quad \text{sharpness}=\lambda_{\max}(\nabla^2 f(\theta_{\text{end}}))",
  dict(landscape=dict(type="flatSharp"), runs=[run("η = 0.01", sgd(0.01), 1000, [1.4, 0.1]),
                                              run("η = 0.2", sgd(0.2), 1000, [1.4, 0.1])]),
  ("η = 0.01 ends in the sharp pit (λmax > 30, high test loss); η = 0.2 ends in the flat basin (λmax < 3, lower test loss).",
   "η = 0.01 停在尖锐的坑里（λmax > 30，测试损失高）；η = 0.2 停在平坦的盆地里（λmax < 3，测试损失更低）。"))

DOCTOR = dict(type="flatSharp", flatCenter=[0, 0], flatWidth=1, flatDepth=1, sharpCenter=[-0.25, -0.25],
              sharpWidth=0.1, sharpDepth=0.25, bowl=0.05, testShift=[0.5, 0.5])
CYC27 = dict(type="cyclic", baseLr=0.005, maxLr=0.4, stepSizeUp=100, cycleMomentum=False)
preset("s27-model-doctor", ["S27", "S26", "S22"],
  ("The model doctor: validation worsens as the lr falls", "模型医生：学习率一降，验证损失反而变差"),
  ("A wide basin (curvature ≈ 1) has a narrow pit (width 0.1, curvature ≈ 25) off to one side of its centre, and that pit is the only true minimum. All three runs follow the same cyclical lr (0.005 ↔ 0.4, 100 steps up, 100 down) and differ only in where they stop: at an lr peak (step 500), at the next trough (600), at the next peak (700). While η is well above 2/25 = 0.08 the pit cannot hold the iterate: it drifts towards the pit, is flung back across the middle of the wide basin, and drifts again. As η falls it drops into the pit and stays. The 'validation' landscape is the same function shifted by (0.5, 0.5). Compare training loss, test loss and sharpness of the three end points. Then try maxLr 0.06 (below 2/25): once the run has crept into the pit it never leaves, at peaks or troughs.",
   "一个宽阔的盆地（曲率约 1）中偏离中心的一侧有一个狭窄的小坑（宽 0.1，曲率约 25），它才是唯一真正的极小值。三条训练使用同一个循环学习率（0.005 ↔ 0.4，上升 100 步、下降 100 步），区别只在于停在哪里：学习率峰值（第 500 步）、紧接着的谷底（第 600 步）、再下一个峰值（第 700 步）。当 η 明显大于 2/25 = 0.08 时，小坑留不住参数：参数慢慢漂向小坑，又被甩回宽阔盆地的中部，然后再漂过去。η 降下来后，参数掉进小坑并停在那里。“验证”函数是同一个函数平移 (0.5, 0.5)。比较三个终点的训练损失、测试损失和尖锐度。然后试试 maxLr 0.06（小于 2/25）：参数一旦慢慢挪进小坑，无论在峰值还是谷底都再也出不来。"),
  r"\eta\,\lambda_{\text{pit}}>2\ \Rightarrow\ \text{cannot stay in the pit};\qquad f_{\text{val}}(\theta)=f(\theta-s)",
  dict(landscape=DOCTOR, runs=[
      run(f"stop at step {n} ({w})", sgd(0.4), n, [1.5, 1.5], schedule=CYC27)
      for n, w in ((500, "lr peak"), (600, "lr trough"), (700, "lr peak"))]),
  ("At the trough (step 600) the run sits in the pit: training loss −1.19 (better), sharpness ≈ 26, test loss −0.55. At the peaks (steps 500 and 700) it is back in the wide basin: training loss −1.00, sharpness ≈ 1.1, test loss −0.76, 0.2 better. Averaged over the high-lr stretches (η ≥ 0.2) the test loss is also at least 0.1 better than in the low-lr stretches.",
   "在谷底（第 600 步）参数位于小坑里：训练损失 −1.19（更好），尖锐度约 26，测试损失 −0.55。在峰值（第 500 和 700 步）参数回到宽阔的盆地中：训练损失 −1.00，尖锐度约 1.1，测试损失 −0.76，好 0.2。按高学习率阶段（η ≥ 0.2）取平均，测试损失也比低学习率阶段至少好 0.1。"))


NOISY28 = lambda: dict(type="gaussian", sigma=0.3)
preset("s28-phases-coarse-then-fine", ["S28", "S19", "S22"],
  ("Phases of training: high lr for the coarse structure, low lr to fine-tune", "训练的阶段：大学习率学粗略结构，小学习率精细调整"),
  ("A valley with curvatures 0.2 and 1 and noisy gradients (σ = 0.3). A constant η = 0.5 crosses the valley quickly but then jitters at a noise floor proportional to η; a constant η = 0.01 has a low floor but after 1000 steps is still walking down the flat direction. Piecewise constant (0.5, then ×0.1 at steps 500 and 800) and warm-up + cosine do the coarse work with a high lr and fine-tune with a low one. Compare the loss at step 200 and in the last 100 steps. Try moving the first milestone to 100, or to 900.",
   "一个曲率分别为 0.2 和 1 的山谷，梯度带噪声（σ = 0.3）。常数 η = 0.5 很快穿过山谷，但随后在与 η 成正比的噪声底上抖动；常数 η = 0.01 的噪声底很低，可 1000 步后仍在平坦方向上慢慢往下走。分段常数（0.5，在第 500 和 800 步各乘 0.1）以及“预热 + 余弦”先用大学习率完成粗略的工作，再用小学习率精细调整。比较第 200 步和最后 100 步的损失。试试把第一个里程碑移到第 100 步或第 900 步。"),
  r"\eta_t=\eta_0\,\gamma^{\#\{m_i\le t\}},\qquad \mathbb E[f]_{\text{floor}}\approx\sum_i\frac{\eta\sigma^2}{2(2-\eta\lambda_i)}",
  dict(landscape=q(0.2, 1), runs=[
      run("constant η = 0.5", sgd(0.5), 1000, [10, 10], seed=8, noise=NOISY28()),
      run("constant η = 0.01", sgd(0.01), 1000, [10, 10], seed=8, noise=NOISY28()),
      run("piecewise 0.5 → 0.05 → 0.005", sgd(0.5), 1000, [10, 10], seed=8, noise=NOISY28(),
          schedule=dict(type="multiStep", milestones=[500, 800], gamma=0.1)),
      run("warm-up + cosine", sgd(0.5), 1000, [10, 10], seed=8, noise=NOISY28(),
          schedule=dict(type="sequential", milestones=[50], schedules=[dict(type="linear", startFactor=0.1, totalIters=50),
                                                                       dict(type="cosine", tMax=950)]))]),
  ("At step 200 the runs that start with a high lr are 100× below the constant η = 0.01. In the last 100 steps the mean loss of the piecewise run is 12× and that of warm-up + cosine 9× below the constant η = 0.5 (its noise floor ≈ 0.027), and 89× and 63× below the constant η = 0.01; over seeds 0–9 always at least 3× below both.",
   "第 200 步时，以大学习率起步的训练的损失比常数 η = 0.01 低 100 倍。最后 100 步中，分段常数的平均损失比常数 η = 0.5 低 12 倍，“预热 + 余弦”低 9 倍（后者的噪声底约为 0.027）；比常数 η = 0.01 分别低 89 倍和 63 倍；在种子 0–9 中都至少比两者低 3 倍。"), window=100)

preset("s29-bilinear-game", ["S29"],
  ("Minimax on f = xy: simultaneous GD spirals out", "在 f = xy 上的极小极大：同时梯度下降螺旋发散"),
  ("x minimises and y maximises f = xy; the equilibrium is (0, 0). Simultaneous gradient steps rotate and grow the distance by √(1 + η²) every step. Alternating updates stay on a bounded orbit. Extragradient (look ahead, then step) and optimistic GD (2gₜ − gₜ₋₁) spiral in. Watch the distance to the equilibrium.",
   "x 要最小化、y 要最大化 f = xy，均衡点是 (0, 0)。同时梯度更新每一步都在旋转，并把到均衡点的距离放大 √(1 + η²) 倍。交替更新停留在有界的轨道上。外梯度法（先向前看一步再更新）和乐观梯度法（2gₜ − gₜ₋₁）则螺旋收敛。观察到均衡点的距离。"),
  r"x\leftarrow x-\eta\,\partial_x f,\quad y\leftarrow y+\eta\,\partial_y f,\qquad f=xy",
  dict(landscape=dict(type="bilinear"), runs=[
      run(m, sgd(0.1), 500, [1, 1], game=dict(method=m)) for m in ("simultaneous", "alternating", "extragradient", "optimistic")]),
  ("After 500 steps: simultaneous > 10× its start distance; alternating within 0.5–2×; extragradient and optimistic < 0.5×.",
   "500 步后：同时更新的距离是起点的 10 倍以上；交替更新在 0.5–2 倍之间；外梯度和乐观梯度小于 0.5 倍。"))

os.makedirs(OUT, exist_ok=True)
for f in os.listdir(OUT):
    if f.endswith(".json"): os.remove(os.path.join(OUT, f))
for p in P:
    with open(os.path.join(OUT, p["id"] + ".json"), "w", encoding="utf-8") as fh:
        json.dump(p, fh, ensure_ascii=False, indent=2); fh.write("\n")
with open(os.path.join(OUT, "index.json"), "w") as fh:
    json.dump([p["id"] for p in P], fh, indent=2); fh.write("\n")
print(len(P), "presets")

# ---- comparison presets: 2–4 panels (each a whole experiment), written to src/main/resources/comparisons/
C = []
def comparison(id, seeds, title, question, formula, panels, expect, sweep=None):
    c = dict(id=id, seeds=seeds, title=dict(en=title[0], zh=title[1]),
             question=dict(en=question[0], zh=question[1]), formula=fm(formula),
             spec=dict(version=1, panels=panels), expect=dict(en=expect[0], zh=expect[1]))
    if sweep is not None: c["sweep"] = sweep
    C.append(c)
def exp(landscape, *runs): return dict(landscape=landscape, runs=list(runs))
def game(m, **kw): return run(m, sgd(0.1), 500, [1, 1], game=dict(method=m, **kw))

comparison("cmp-s29-game-methods", ["S29"],
  ("Minimax: four update rules and a two-timescale rule", "极小极大：四种更新方式与双时间尺度"),
  ("f = xy, both players at η = 0.1. Simultaneous updates spiral outwards; alternating ones circle; extragradient and optimistic ones spiral in. Panel 1 also runs TTUR, the max player at η = 0.01: does a slower second player save simultaneous play, or only slow the spiral?",
   "f = xy，两个玩家都用 η = 0.1。同时更新向外螺旋；交替更新绕圈；外梯度和乐观梯度向内收敛。面板 1 还加了一条 TTUR：极大玩家用 η = 0.01。更慢的第二个玩家能挽救同时更新吗，还是只是让螺旋变慢？"),
  r"x\leftarrow x-\eta_x\,\partial_x f,\quad y\leftarrow y+\eta_y\,\partial_y f,\qquad f=xy",
  [exp(dict(type="bilinear"), game("simultaneous"),
       run("TTUR η_y = 0.01", sgd(0.1), 500, [1, 1], game=dict(method="simultaneous", yOptimizer=sgd(0.01)))),
   exp(dict(type="bilinear"), game("alternating")),
   exp(dict(type="bilinear"), game("extragradient")),
   exp(dict(type="bilinear"), game("optimistic"))],
  ("After 500 steps the distance to the equilibrium (start √2): simultaneous > 10×, TTUR grows too but less (between 1× and the simultaneous one); alternating stays within 0.5–2×; extragradient and optimistic < 0.5×.",
   "500 步后到均衡点的距离（起点为 √2）：同时更新超过 10 倍；TTUR 也在增大但更慢（介于 1 倍与同时更新之间）；交替更新保持在 0.5–2 倍；外梯度和乐观梯度小于 0.5 倍。"))

FS = dict(type="flatSharp", testShift=[0.3, 0.3])
comparison("cmp-s26-flat-vs-sharp", ["S26", "S27"],
  ("Flat vs sharp: η below and above 2/λ_sharp", "平坦与尖锐：η 低于与高于 2/λ_sharp"),
  ("The same start on the flat-vs-sharp landscape, evaluated on a test landscape shifted by (0.3, 0.3). With η = 0.01 the run can stay in the sharp pit; with η = 0.2 it cannot (the pit's λmax is far above 2/η = 10) and settles in the wide basin. Compare sharpness at the end against 2/η, and the test loss, in the table.",
   "在平坦/尖锐极小值地形上从同一点出发，并在平移 (0.3, 0.3) 的测试地形上评估。η = 0.01 时可以停在尖锐的坑里；η = 0.2 时不行（坑的 λmax 远大于 2/η = 10），最终落在宽阔的盆地中。在表格中对比终点锐度与 2/η，以及测试损失。"),
  r"\eta\,\lambda_{\max}<2\ \text{to stay};\quad \text{sharpness}=\lambda_{\max}(\nabla^2 f(\theta_{\text{end}}))",
  [exp(FS, run("η = 0.01", sgd(0.01), 1000, [1.4, 0.1])), exp(FS, run("η = 0.2", sgd(0.2), 1000, [1.4, 0.1]))],
  ("η = 0.01 ends with sharpness above 2/η's limit for η = 0.2 and a higher test loss; η = 0.2 ends with sharpness below 2/η = 10 and the lower test loss.",
   "η = 0.01 的终点锐度高于 η = 0.2 所允许的 2/η，测试损失更高；η = 0.2 的终点锐度低于 2/η = 10，测试损失更低。"))

RB = dict(type="rosenbrock")
comparison("cmp-s14-adam-l2-vs-adamw", ["S14"],
  ("Adam + L2 vs AdamW", "Adam + L2 与 AdamW"),
  ("The same Rosenbrock run with weight decay 0.1, once folded into the gradient (Adam + L2: the decay is divided by √v̂ like the gradient) and once decoupled (AdamW: θ shrinks by ηλθ every step). The what-differs line shows the one changed field. Which one ends closer to the origin, and why?",
   "同一个 Rosenbrock 训练，权重衰减 0.1：一次并入梯度（Adam + L2：衰减项和梯度一样被 √v̂ 除），一次解耦（AdamW：每步 θ 缩小 ηλθ）。“不同之处”一行只显示被改动的那个字段。哪一个终点更靠近原点？为什么？"),
  r"\text{L2: } g\leftarrow g+\lambda\theta\qquad \text{AdamW: } \theta\leftarrow\theta-\eta\lambda\theta-\eta\,\hat m/(\sqrt{\hat v}+\epsilon)",
  [exp(RB, run("Adam + L2 (0.1)", dict(type="adam", lr=0.01, weightDecay=0.1), 5000, [-1.5, 2])),
   exp(RB, run("AdamW (0.1)", dict(type="adamw", lr=0.01, weightDecay=0.1), 5000, [-1.5, 2]))],
  ("The two end points are more than 0.05 apart; only the optimizer type differs.",
   "两个终点相距超过 0.05；只有优化器类型不同。"))

NS = dict(type="nonStationary", base=q(1), atStep=100, gradientScale=0.1)
comparison("cmp-s11-adagrad-vs-rmsprop", ["S11", "S10"],
  ("AdaGrad vs RMSProp after the gradient jump", "梯度突变之后：AdaGrad 与 RMSProp"),
  ("At step 100 the gradient shrinks tenfold. AdaGrad's accumulator G never forgets the large early gradients, so its steps stay tiny; RMSProp forgets on a time scale 1/(1 − ρ) = 10 steps and recovers. Scrub past step 100 and watch both markers.",
   "第 100 步时梯度缩小为十分之一。AdaGrad 的累加量 G 永远记得早期的大梯度，所以之后的步长一直很小；RMSProp 以 1/(1 − ρ) = 10 步的时间尺度遗忘，步长恢复。把时间轴拖过第 100 步，看两个标记。"),
  r"\text{AdaGrad: }G\leftarrow G+g^2\qquad \text{RMSProp: }v\leftarrow\rho v+(1-\rho)g^2",
  [exp(NS, run("AdaGrad", dict(type="adagrad", lr=0.5), 300, [100])),
   exp(NS, run("RMSProp ρ = 0.9", dict(type="rmsprop", lr=0.1, alpha=0.9), 300, [100]))],
  ("RMSProp ends with a lower loss than AdaGrad; 50 steps after the jump its update is back above half its size before it, AdaGrad's below 20%.",
   "RMSProp 的最终损失低于 AdaGrad；突变 50 步后它的更新量恢复到突变前的一半以上，而 AdaGrad 低于 20%。"))

SG = dict(type="cosineWarmRestarts", t0=100)
comparison("cmp-s8-momentum-reset", ["S8", "S21"],
  ("Momentum at warm restarts: reset vs keep", "热重启时的动量：清零与保留"),
  ("SGDR with restarts every 100 steps and momentum 0.9 on Rosenbrock. One panel zeroes the velocity at each restart, the other keeps it. The panels are identical until step 100; scrub to the first restart and compare the markers after it.",
   "在 Rosenbrock 上用 SGDR，每 100 步重启一次，动量 0.9。一个面板在每次重启时把速度清零，另一个保留。两者在第 100 步之前完全相同；把时间轴拖到第一次重启，对比之后的标记。"),
  r"v\leftarrow 0\ \text{at each restart}\quad\text{vs}\quad v\leftarrow\beta v+g",
  [exp(RB, run("keep momentum", sgd(0.0005, momentum=0.9), 400, [-1.5, 2], schedule=SG)),
   exp(RB, run("reset momentum", sgd(0.0005, momentum=0.9), 400, [-1.5, 2], schedule=SG, resetMomentumOnRestart=True))],
  ("Same loss up to step 100; the end points differ afterwards.", "第 100 步之前损失完全相同；之后终点不同。"))

LR = dict(type="linearRegression", n=200, features=2, noise=0.1, seed=1)
def mb(label, lr, b, steps): return run(label, sgd(lr), steps, seed=1, noise=dict(type="minibatch", batchSize=b))
comparison("cmp-s5-batch-scaling", ["S5", "S4"],
  ("Linear vs √ batch scaling on a samples axis", "线性与平方根批量缩放：按样本数对比"),
  ("B = 4 at η = 0.01 for 200 steps sees 800 samples; B = 16 for 50 steps sees the same 800. The linear rule gives B = 16 the rate η = 0.04, the square-root rule η = 0.02. Tick “samples” on the loss chart: which big-batch run lines up with the small-batch one?",
   "B = 4、η = 0.01 训练 200 步，共 800 个样本；B = 16 训练 50 步，同样 800 个样本。线性规则给 B = 16 的学习率是 η = 0.04，平方根规则是 η = 0.02。在损失图上勾选“样本数”：哪一条大批量曲线与小批量曲线重合？"),
  r"\eta\propto B\ \text{(linear)}\qquad \eta\propto\sqrt{B}\ \text{(square root)}",
  [exp(LR, mb("B = 4, η = 0.01", 0.01, 4, 200)), exp(LR, mb("B = 16, η = 0.04 (linear)", 0.04, 16, 50)),
   exp(LR, mb("B = 16, η = 0.02 (√ rule)", 0.02, 16, 50))],
  ("After 800 samples the linear-rule panel's loss is within 2× of the small-batch panel's; the √-rule panel is more than 1.5× above the linear one.",
   "800 个样本之后，线性规则面板的损失与小批量面板相差不到 2 倍；平方根规则面板比线性规则高出 1.5 倍以上。"))

Q = q(1, 10)
comparison("cmp-s1-lr-sweep", ["S1"],
  ("Sweep η across 2/λmax", "在 2/λmax 两侧扫描 η"),
  ("λmax = 10, so 2/λmax = 0.2. The panels run η = 0.19 and η = 0.21; the sweep runs 40 values of η from 0.01 to 1 and plots the final loss against η on a log axis, with 2/λmax as a line. Every diverged point (×) should lie to its right. Click a point to open that run in the playground.",
   "λmax = 10，所以 2/λmax = 0.2。两个面板分别用 η = 0.19 和 η = 0.21；扫描在 0.01 到 1 之间取 40 个 η，在对数横轴上画出最终损失，并用竖线标出 2/λmax。所有发散的点（×）都应在它右侧。点击一个点，即可在演练场中打开那次训练。"),
  r"\text{stable iff } 0<\eta<2/\lambda_{\max}",
  [exp(Q, run("η = 0.19", sgd(0.19), 320, [-4, 2])), exp(Q, run("η = 0.21", sgd(0.21), 320, [-4, 2]))],
  ("Every η below 0.2 converges and every η above it diverges; the 0.19 panel converges, the 0.21 panel diverges.",
   "所有小于 0.2 的 η 都收敛，所有大于 0.2 的都发散；η = 0.19 的面板收敛，η = 0.21 的面板发散。"),
  sweep=dict(kind="lr", panel=0, path="runs[0].optimizer.lr", **{"from": 0.01, "to": 1, "count": 40}))

comparison("cmp-s6-stability-map", ["S6", "S1"],
  ("Momentum moves the edge: the (η, β) stability map", "动量移动稳定边界：(η, β) 稳定性图"),
  ("On the quadratic with λmax = 10, plain GD at η = 0.3 has ηλmax = 3 > 2 and diverges; heavy-ball momentum β = 0.9 is stable up to η = 2(1 + β)/λmax = 0.38. The stability map colours a grid of (η, β) by the final loss and draws that boundary over it.",
   "在 λmax = 10 的二次函数上，普通梯度下降取 η = 0.3 时 ηλmax = 3 > 2，发散；重球动量 β = 0.9 时，稳定上限是 η = 2(1 + β)/λmax = 0.38。稳定性图按最终损失给 (η, β) 网格着色，并在上面画出这条边界。"),
  r"\text{heavy ball stable iff } 0\le\beta<1,\ 0<\eta\lambda<2(1+\beta)",
  [exp(Q, run("η = 0.3, β = 0", sgd(0.3, momentum=0), 200, [-4, 2])),
   exp(Q, run("η = 0.3, β = 0.9", sgd(0.3, momentum=0.9), 200, [-4, 2]))],
  ("β = 0 diverges, β = 0.9 converges at the same η; on the map every point left of the boundary (with a margin) converges and every point right of it diverges.",
   "β = 0 发散，同样的 η 下 β = 0.9 收敛；图上边界左侧（留一点余量）的点都收敛，右侧的都发散。"),
  sweep=dict(kind="stability", panel=0, lrCount=40, momentumCount=40))

COUT = os.path.join(OUT, "../comparisons")
os.makedirs(COUT, exist_ok=True)
for f in os.listdir(COUT):
    if f.endswith(".json"): os.remove(os.path.join(COUT, f))
for c in C:
    with open(os.path.join(COUT, c["id"] + ".json"), "w", encoding="utf-8") as fh:
        json.dump(c, fh, ensure_ascii=False, indent=2); fh.write("\n")
with open(os.path.join(COUT, "index.json"), "w") as fh:
    json.dump([c["id"] for c in C], fh, indent=2); fh.write("\n")
print(len(C), "comparison presets")
used = {p["formula"]["en"] for p in P + C}
assert set(ZH_FORMULA) <= used, set(ZH_FORMULA) - used
