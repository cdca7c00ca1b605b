# ---------------------------------------------------------------------------------------------
# A two-player game: x (coordinate 0) minimises f, y (coordinate 1) maximises it, so y's
# optimizer is handed −∂f/∂y. How the two moves interleave is the lesson (S29).
# ---------------------------------------------------------------------------------------------
def game_gradient(x, y, step):
    xy = torch.cat([x.detach(), y.detach()])
    return gradient(xy, step)


def simulate_game(x, y, opt_x, opt_y, sched_x, sched_y, steps, method, every=1, reset_on_restart=False):
    loss, g = game_gradient(x, y, 0)
    split = x.numel()
    rows = []
    theta = torch.cat([x.detach(), y.detach()])
    if not valid(theta, loss) or not finite(norm(g)):
        return rows
    rows.append([0, theta.tolist(), loss, None])
    prev_g = None
    t = 0
    while t < steps:
        lr_x, lr_y = sched_x.lr(t), sched_y.lr(t)
        m_x, m_y = sched_x.momentum(t), sched_y.momentum(t)
        if reset_on_restart and sched_x.restarts_at(t):
            reset_momentum(opt_x)
            reset_momentum(opt_y)
        prev = torch.cat([x.detach(), y.detach()])
        g_norm = norm(g)
        if method == 'simultaneous':
            # both players move from the same point
            x.grad, y.grad = g[:split].clone(), -g[split:]
            step_with(opt_x, lr_x, lr_x, m_x)
            step_with(opt_y, lr_y, lr_y, m_y)
        elif method == 'alternating':
            # x moves first, y answers with the gradient at x's new position
            x.grad = g[:split].clone()
            step_with(opt_x, lr_x, lr_x, m_x)
            _, g2 = game_gradient(x, y, t)
            y.grad = -g2[split:]
            step_with(opt_y, lr_y, lr_y, m_y)
        elif method == 'optimistic':
            # optimistic gradient: 2·g_t − g_{t−1} anticipates the opponent's move
            if prev_g is None:
                prev_g = g
            w = 2 * g - prev_g
            prev_g = g
            x.grad, y.grad = w[:split].clone(), -w[split:]
            step_with(opt_x, lr_x, lr_x, m_x)
            step_with(opt_y, lr_y, lr_y, m_y)
        else:
            # extragradient: look ahead by one plain gradient step each, then move from θ_t
            # with the gradient found at the look-ahead point
            look = torch.cat([x.detach() - lr_x * g[:split], y.detach() + lr_y * g[split:]])
            _, g2 = gradient(look, t)
            x.grad, y.grad = g2[:split].clone(), -g2[split:]
            step_with(opt_x, lr_x, lr_x, m_x)
            step_with(opt_y, lr_y, lr_y, m_y)
        theta = torch.cat([x.detach(), y.detach()])
        new_loss, new_g = gradient(theta, t + 1)
        if not valid(theta, new_loss) or not finite(lr_x) or not finite(g_norm) \
                or not finite(norm(theta - prev)) or not finite(norm(new_g)):
            with torch.no_grad():
                x.copy_(prev[:split])
                y.copy_(prev[split:])
            break
        sched_x.after_step()
        sched_y.after_step()
        if t % every == 0:
            rows[-1][3] = lr_x
        g, loss = new_g, new_loss
        t += 1
        if t % every == 0:
            rows.append([t, theta.tolist(), loss, None])
    if rows[-1][0] != t:
        rows.append([t, torch.cat([x.detach(), y.detach()]).tolist(), loss, None])
    return rows
