

def scaling_law_func(data_points, params):
    """Predictions for an (N, F) array, columns in FEATURES order. params: one row of constants
    (PARAMS order) gives (N,); a 2-D array, one row per target, gives (N, T)."""
    X = np.atleast_2d(np.asarray(data_points, dtype=float))
    P = np.asarray(params, dtype=float)
    if P.ndim == 1:
        return _law(X, P)
    return np.column_stack([_law(X, row) for row in P])


def fit_scaling_law(data_points, loss_values):
    """Fits the law on one group's rows; several target columns are fitted one by one (a row of
    constants per target, as lawsearch fits each target separately)."""
    X = np.atleast_2d(np.asarray(data_points, dtype=float))
    Y = np.asarray(loss_values, dtype=float)
    if Y.ndim == 1:
        return _fit(X, Y)
    return np.vstack([_fit(X, Y[:, t]) for t in range(Y.shape[1])])


# The fit mirrors lawsearch's: deterministic multi-start (a typical point, then a scrambled Sobol
# sequence with a fixed seed) over the nonlinear constants; the constants the law is linear in are
# solved exactly at every step (variable projection); then the loss-specific stage (Huber:
# reweighted rounds; log-MSE: a polish in log space). The start with the lowest objective wins.
# WARM_STARTS (the constants lawsearch fitted on the train rows) are candidates as they stand and
# starts tried before the others: scipy's trust region does not always reach from a Sobol point the
# optimum lawsearch's fitter found (ParScale's A near 1e8), and under Huber a start's plain
# least-squares stage can leave that optimum for one the reweighted rounds never climb back from
# (pythia: objective 1.024e-3 -> 1.039e-3, test R2 0.981 -> 0.921), so the fit never ends worse.
_NONLINEAR = [j for j in range(len(PARAMS)) if j not in LINEAR]
_BAD = 1e10   # stands in for a non-finite residual: the optimiser steps away instead of failing


def _fit(X, y):
    with np.errstate(all="ignore"):   # overflowing trial steps are rejected by the optimiser, not errors
        return _multi_start(X, y)


def _multi_start(X, y):
    w = _weights(X)
    sw = np.sqrt(w)
    best, best_obj = np.full(len(PARAMS), np.nan), np.inf
    idx = _NONLINEAR if LINEAR else list(range(len(PARAMS)))
    finite = [np.asarray(ws, dtype=float) for ws in WARM_STARTS if np.all(np.isfinite(ws))]
    for p in finite:   # as they stand: a start's first stage (plain least squares) can leave a Huber optimum for good
        obj = _objective(p, X, y, w)
        if obj < best_obj:
            best, best_obj = p, obj
    warm = [p[idx] for p in finite]
    for start in warm + _starts(idx):
        p = _one_start(start, X, y, w, sw)
        if p is None:
            continue
        obj = _objective(p, X, y, w)
        if obj < best_obj:
            best, best_obj = p, obj
    return best


def _one_start(start, X, y, w, sw):
    p = _least_squares(start, X, y, sw)
    if p is not None and LOSS == "huber":
        for _ in range(HUBER_ROUNDS):
            r = np.abs(y - _law(X, p))
            h = np.where(r <= HUBER_DELTA, 1.0, HUBER_DELTA / np.maximum(r, 1e-300))
            q = _least_squares(p[_NONLINEAR] if LINEAR else p, X, y, np.sqrt(w * h))
            if q is None:
                break
            p = q
    if p is not None and LOSS == "log-mse" and np.all(y > 0):
        q = _solve(lambda v: _residual(v, X, y, sw, True), p, LOWER, UPPER)
        p = q if q is not None else p
    return p


def _least_squares(start, X, y, sw):
    if not LINEAR:
        return _solve(lambda v: _residual(v, X, y, sw, False), start, LOWER, UPPER)
    theta = np.zeros(0)
    if _NONLINEAR:
        theta = _solve(lambda t: _projected_residual(t, X, y, sw), start, LOWER[_NONLINEAR], UPPER[_NONLINEAR])
        if theta is None:
            return None
    c = _project(theta, X, y, sw)
    return None if c is None else _assemble(theta, c)


def _solve(fun, x0, lo, hi):
    if len(x0) == 0:
        return np.asarray(x0, dtype=float)
    with np.errstate(all="ignore"):
        hi = np.where(hi > lo, hi, lo + 1e-12 * np.maximum(1.0, np.abs(lo)))
    try:
        return least_squares(fun, np.clip(x0, lo, hi), bounds=(lo, hi), method="trf", x_scale="jac",
                             ftol=1e-12, xtol=1e-12, gtol=1e-12, max_nfev=MAX_EVALUATIONS).x
    except (ValueError, np.linalg.LinAlgError):
        return None


def _residual(p, X, y, sw, log):
    f = _law(X, p)
    with np.errstate(all="ignore"):
        r = sw * ((np.log(f) - np.log(y)) if log else (f - y))
    return np.where(np.isfinite(r), r, _BAD)


def _projected_residual(theta, X, y, sw):
    c = _project(theta, X, y, sw)
    if c is None:
        return np.full(len(y), _BAD)
    r = sw * (_law(X, _assemble(theta, c)) - y)
    return np.where(np.isfinite(r), r, _BAD)


def _project(theta, X, y, sw):
    """The best linear constants for these nonlinear ones. The law is affine in them, so its
    columns are its values at unit vectors minus its value at zero."""
    f0 = _law(X, _assemble(theta, np.zeros(len(LINEAR))))
    A = np.column_stack([_law(X, _assemble(theta, e)) - f0 for e in np.eye(len(LINEAR))])
    if not (np.all(np.isfinite(A)) and np.all(np.isfinite(f0))):
        return None
    A, b = A * sw[:, None], sw * (y - f0)
    # Columns scaled to unit norm first: a basis of size 1e30 beside one of size 1 would otherwise
    # make lstsq's cut-off drop the small column.
    s = np.linalg.norm(A, axis=0)
    s = np.where(s > 0, s, 1.0)
    lo, hi = LOWER[LINEAR] * s, UPPER[LINEAR] * s
    try:
        if np.all(np.isinf(lo)) and np.all(np.isinf(hi)):
            return np.linalg.lstsq(A / s, b, rcond=None)[0] / s
        with np.errstate(all="ignore"):
            hi = np.where(hi > lo, hi, lo + 1e-12 * np.maximum(1.0, np.abs(lo)))
        return lsq_linear(A / s, b, bounds=(lo, hi)).x / s
    except (ValueError, np.linalg.LinAlgError):
        return None


def _assemble(theta, c):
    p = np.zeros(len(PARAMS))
    p[_NONLINEAR] = theta
    p[LINEAR] = c
    return p


def _objective(p, X, y, w):
    f = _law(X, p)
    with np.errstate(all="ignore"):
        if LOSS == "log-mse":
            t = (np.log(f) - np.log(y)) ** 2
        elif LOSS == "huber":
            r = np.abs(f - y)
            t = np.where(r <= HUBER_DELTA, 0.5 * r * r, HUBER_DELTA * (r - 0.5 * HUBER_DELTA))
        else:
            t = (f - y) ** 2
        v = float(np.mean(w * t))
    return v if np.isfinite(v) else np.inf


def _weights(X):
    """Row weights with mean 1: uniform, or (x / min x)^power of the weighting column."""
    if WEIGHT_COLUMN is None:
        return np.ones(len(X))
    x = X[:, WEIGHT_COLUMN]
    pos = x[x > 0]
    m = pos.min() if pos.size else 1.0
    w = (np.maximum(x, m) / m) ** WEIGHT_POWER
    return w * len(w) / w.sum()


def _starts(idx):
    if not idx:
        return [np.zeros(0)]
    out = [np.array([_place(LOWER[j], UPPER[j], 0.55) for j in idx])]
    if STARTS > 1:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # Sobol's balance warning for counts that are no power of 2
            q = qmc.Sobol(len(idx), scramble=True, seed=SEED).random(STARTS - 1)
        out += [np.array([_place(LOWER[j], UPPER[j], t) for j, t in zip(idx, row)]) for row in q]
    return out


def _place(lo, hi, t):
    """The point at fraction t of a bound's typical range, kept off the bounds (as lawsearch's starts)."""
    u = 0.05 + 0.9 * t
    if np.isfinite(lo) and np.isfinite(hi):
        if lo > 0 and hi / lo > 100:
            return float(np.exp(np.log(lo) + u * (np.log(hi) - np.log(lo))))
        return lo + u * (hi - lo)
    d = 10.0 ** (-2 + 2.5 * u)
    if np.isfinite(lo):
        return lo + d
    if np.isfinite(hi):
        return hi - d
    return -1.5 + 3 * u
