#!/usr/bin/env python3
"""How much test AUC can point-in-time (PIT) features reach on the anchor's data? (issue #4)

Usage: /usr/bin/python3 scripts/analysis/pit_auc_ceiling.py N [decompose|bias|bias-pop|taste|mf] [USERS POSTS]
(N = 1000000; USERS POSTS override the generator's entity counts to ask "what if denser?")

Rebuilds the hidden variables of /work/shared/anchors/seed-pipeline/gen_data.py (same rng draw
order, seed 42; duplicates and the CSV are skipped) and scores the last 20% of labeled events by
time (the pipeline's test split) with:
  decompose  the hidden logit and its parts (oracle AUCs; they use latent values no model sees);
  bias       Bayes posterior means of each user's bias and each post's quality from that entity's
             own earlier events only (view/like/dislike/share likelihoods, prior N(0, 0.8^2)),
             GIVEN every other term of the logit exactly: a generous ceiling for anything PIT
             counters, smoothing or online learners can estimate about the two biggest terms;
  taste      online Bayesian logistic regression of each user's 8-d taste from earlier events,
             GIVEN the true post topics and every other term: the most the taste.topic term
             could add if post topics were known (they are not);
  mf         batch logistic matrix factorisation (d=8, 150 Adam steps) on a random 80% of ALL
             labeled events (future included, so no PIT constraint at all), tested on the rest:
             whether taste.topic is learnable at this density (~8 labeled events per entity).
Results at N=1M (2024-11, this script): decompose full 0.830, user+post biases 0.747, biases +
freshness + device 0.751; bias ceiling 0.679 (like/not-like only: 0.670; with exact post
popularity: 0.682); taste with known topics +0.015 over the oracle biases (corr 0.41); batch MF
taste.topic AUC 0.501 (corr with the true term 0.003; 0.51 with 5k users and 5k posts, 0.01 with 25k each).
"""
import sys

import numpy as np
from sklearn.metrics import roc_auc_score

DAY = 86_400
WINDOW = 30 * DAY
D = 8


def hidden(n, seed=42, n_users=None, n_posts=None):
    """The generator's draws in gen_data.py's order, minus duplicates (which only repeat rows)."""
    rng = np.random.default_rng(seed)
    n_users = n_users or max(10, n // 10)
    n_posts = n_posts or int(min(max(10, n // 2), 100_000))
    taste = rng.standard_normal((n_users, D))
    ub = rng.normal(0.0, 0.8, n_users)
    ua = rng.lognormal(0.0, 1.0, n_users)
    topic = rng.standard_normal((n_posts, D))
    q = rng.normal(0.0, 0.8, n_posts)
    pop = np.exp(rng.normal(0.0, 1.0, n_posts) + 0.5 * q)
    created = rng.uniform(-3 * DAY, WINDOW, n_posts)
    m = n - int(round(0.01 * n))
    u = rng.choice(n_users, m, p=ua / ua.sum())
    p = rng.choice(n_posts, m, p=pop / pop.sum())
    dev = rng.choice(4, m, p=[0.40, 0.35, 0.20, 0.05])
    t = created[p] + rng.exponential(2 * DAY, m)
    out = (t < 0) | (t >= WINDOW)
    lo = np.maximum(created[p[out]], 0.0)
    t[out] = lo + rng.random(out.sum()) * (WINDOW - lo)
    t = np.minimum(np.floor(t), WINDOW - 1).astype(np.int64)
    age = np.maximum(t - created[p], 0.0) / DAY
    aff = np.einsum("ij,ij->i", taste[u], topic[p]) / np.sqrt(D)
    de = np.array([0.15, 0.0, -0.25, 0.0])[dev]
    fr = 0.5 * np.exp(-age / 1.5)
    smean = -2.7 + ub[u] + q[p] + aff + de + fr
    s = smean + rng.normal(0.0, 0.5, m)
    like = rng.random(m) < 1 / (1 + np.exp(-s))
    lg = np.stack([np.zeros(m), 0.6 * s - 1.3, -0.8 * s - 5.0], axis=1)
    pr = np.exp(lg - lg.max(axis=1, keepdims=True))
    pr /= pr.sum(axis=1, keepdims=True)
    other = (rng.random(m)[:, None] > np.cumsum(pr, axis=1)[:, :2]).sum(axis=1)
    ac = np.where(like, 3, other)  # 0 view, 1 share, 2 dislike, 3 like
    ac[rng.random(m) < 0.15] = 4  # null action: dropped by cleaning
    order = np.argsort(t, kind="stable")
    order = order[ac[order] != 4]
    return dict(n_users=n_users, n_posts=n_posts, taste=taste, topic=topic, ub=ub, q=q, pop=pop, u=u, p=p, t=t,
                aff=aff, de=de, fr=fr, smean=smean, ac=ac, order=order)


def split(h):
    o = h["order"]
    lab = np.isin(h["ac"][o], [0, 2, 3])
    return o, lab, int(lab.sum() * 0.8)


def decompose(h):
    o, lab, k = split(h)
    L = o[lab]
    y = (h["ac"][L] == 3).astype(int)
    te = slice(k, None)
    g = lambda name, sc: print(f"{name:28s} {roc_auc_score(y[te], sc[L][te]):.4f}")
    g("full hidden logit", h["smean"])
    g("user bias + post quality", h["ub"][h["u"]] + h["q"][h["p"]])
    g("biases + freshness + device", h["ub"][h["u"]] + h["q"][h["p"]] + h["fr"] + h["de"])
    g("taste.topic only", h["aff"])


def loglik(s, a):
    """log P(action | logit s) with eps integrated out crudely (s = mean logit)."""
    ll_like = -np.logaddexp(0, -s)
    if a == 3:
        return ll_like
    lg = np.stack([np.zeros_like(s), 0.6 * s - 1.3, -0.8 * s - 5.0])
    return -np.logaddexp(0, s) + lg[a] - np.logaddexp.reduce(lg, axis=0)


def bias(h, use_pop=False):
    o, lab, k = split(h)
    u, p, ac, t, sm = h["u"][o], h["p"][o], h["ac"][o], h["t"][o], h["smean"][o]
    grid = np.linspace(-3.5, 3.5, 57)
    prior = -0.5 * grid**2 / 0.64
    LU = np.zeros((h["n_users"], grid.size))
    LP = np.zeros((h["n_posts"], grid.size))
    if use_pop:  # exact popularity weight as extra evidence on quality
        lp = np.log(h["pop"])
        LP = -0.5 * (grid[None, :] - 0.32 / 1.16 * (lp - lp.mean())[:, None]) ** 2 / (0.64 * 0.862) - prior[None, :]
    off_u = sm - h["ub"][u]
    off_p = sm - h["q"][p]
    bh = np.zeros(len(o))
    qh = np.zeros(len(o))
    post_mean = lambda l: (lambda w: (w * grid).sum() / w.sum())(np.exp(l + prior - (l + prior).max()))
    i = 0
    while i < len(o):
        j = i
        while j < len(o) and t[j] == t[i]:
            j += 1
        for r in range(i, j):  # query: only events strictly before t
            if lab[r]:
                bh[r] = post_mean(LU[u[r]])
                qh[r] = post_mean(LP[p[r]])
        for r in range(i, j):  # then learn from the events at t
            LU[u[r]] += loglik(grid + off_u[r], ac[r])
            LP[p[r]] += loglik(grid + off_p[r], ac[r])
        i = j
    y = (ac[lab] == 3).astype(int)
    fr, de = h["fr"][o][lab], h["de"][o][lab]
    for name, sc in [("user posterior", bh[lab]), ("post posterior", qh[lab]), ("both", bh[lab] + qh[lab]),
                     ("both + freshness + device", bh[lab] + qh[lab] + fr + de)]:
        print(f"{name:28s} {roc_auc_score(y[k:], sc[k:]):.4f}")


def taste(h):
    o, lab, k = split(h)
    L = o[lab]
    u, t = h["u"][L], h["t"][L]
    y = (h["ac"][L] == 3).astype(float)
    X = h["topic"][h["p"][L]] / np.sqrt(D)
    off = h["smean"][L] - h["aff"][L]
    prec = np.tile(np.eye(D), (h["n_users"], 1, 1))
    b = np.zeros((h["n_users"], D))
    mean = np.zeros((h["n_users"], D))
    est = np.zeros(len(L))
    i = 0
    while i < len(L):
        j = i
        while j < len(L) and t[j] == t[i]:
            j += 1
        for r in range(i, j):
            est[r] = mean[u[r]] @ X[r]
        for r in range(i, j):
            uk, x = u[r], X[r]
            pr = 1 / (1 + np.exp(-(off[r] + mean[uk] @ x)))
            w = pr * (1 - pr)
            prec[uk] += w * np.outer(x, x)
            b[uk] += (y[r] - pr) * x + w * (x @ mean[uk]) * x
            mean[uk] = np.linalg.solve(prec[uk], b[uk])
        i = j
    print(f"corr(estimated, true taste.topic) {np.corrcoef(est[k:], h['aff'][L][k:])[0, 1]:.3f}")
    print(f"oracle biases+fr+de               {roc_auc_score(y[k:], off[k:]):.4f}")
    print(f"  + taste estimated, topics known {roc_auc_score(y[k:], off[k:] + est[k:]):.4f}")


def mf(h, lam=1.0, steps=150):
    o, lab, _ = split(h)
    L = o[lab]
    uu, pp = h["u"][L], h["p"][L]
    y = (h["ac"][L] == 3).astype(float)
    rng = np.random.default_rng(0)
    te = rng.random(len(L)) < 0.2
    tr = ~te
    P = rng.normal(0, 0.1, (h["n_users"], D))
    Q = rng.normal(0, 0.1, (h["n_posts"], D))
    bu = np.zeros(h["n_users"])
    bp = np.zeros(h["n_posts"])
    mu = -1.4
    params = [P, Q, bu, bp]
    m1 = [np.zeros_like(x) for x in params]
    m2 = [np.zeros_like(x) for x in params]
    U, Pp, Y = uu[tr], pp[tr], y[tr]
    for it in range(1, steps + 1):
        e = 1 / (1 + np.exp(-(mu + bu[U] + bp[Pp] + (P[U] * Q[Pp]).sum(1)))) - Y
        gP = np.zeros_like(P)
        np.add.at(gP, U, e[:, None] * Q[Pp])
        gQ = np.zeros_like(Q)
        np.add.at(gQ, Pp, e[:, None] * P[U])
        grads = [gP + lam * P, gQ + lam * Q, np.bincount(U, e, h["n_users"]) + 0.5 * bu, np.bincount(Pp, e, h["n_posts"]) + 0.5 * bp]
        mu -= 0.5 * e.mean()
        for x, g, a, v in zip(params, grads, m1, m2):
            a *= 0.9
            a += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            x -= 0.05 * (a / (1 - 0.9**it)) / (np.sqrt(v / (1 - 0.999**it)) + 1e-8)
    dot = (P[uu[te]] * Q[pp[te]]).sum(1)
    print(f"MF dot AUC {roc_auc_score(y[te], dot):.4f}, corr with true taste.topic {np.corrcoef(dot, h['aff'][L][te])[0, 1]:.3f}")
    print(f"MF biases+dot AUC {roc_auc_score(y[te], bu[uu[te]] + bp[pp[te]] + dot):.4f}")


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    what = sys.argv[2] if len(sys.argv) > 2 else "decompose"
    h = hidden(n, 42, *(int(a) for a in sys.argv[3:5]))
    {"decompose": decompose, "bias": bias, "bias-pop": lambda h: bias(h, True), "taste": taste, "mf": mf}[what](h)
