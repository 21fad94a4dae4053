# Reference values for OneWayAnovaReferenceTest, computed independently with scipy 1.17.1:
#   python3 src/test/resources/dev/aurum/stats/reference.py
# Games–Howell is not in scipy: it is written out below from its definition with scipy's studentized_range.
import itertools, math
import numpy as np
from scipy import stats

DATA = {
    "balanced": {"a": [12.1, 14.3, 11.8, 13.9, 12.6, 15.2], "b": [16.4, 15.1, 17.8, 14.9, 16.2, 18.3], "c": [13.3, 12.2, 14.8, 13.1, 15.6, 12.9]},
    "unbalanced": {"a": [23.5, 19.1, 25.7, 21.2, 22.8], "b": [30.2, 41.7, 18.4, 35.5, 27.9, 44.1, 22.6, 38.3],
                   "c": [24.9, 26.1, 25.4], "d": [15.2, 33.8, 28.4, 9.7, 41.3, 22.2, 30.6, 12.8, 36.9, 19.5]},
    "ties": {"x": [1, 2, 2, 3, 3, 3, 4, 5], "y": [2, 3, 3, 4, 4, 4, 5, 5, 6], "z": [1, 1, 2, 2, 3, 3, 3]},
}

def g(x):
    return repr(float(x))

for name, groups in DATA.items():
    labels = sorted(groups)
    samples = [np.array(groups[l], dtype=float) for l in labels]
    allv = np.concatenate(samples)
    n, k = len(allv), len(samples)
    f = stats.f_oneway(*samples)
    grand = allv.mean()
    ssb = sum(len(s) * (s.mean() - grand) ** 2 for s in samples)
    ssw = sum(((s - s.mean()) ** 2).sum() for s in samples)
    msw = ssw / (n - k)
    eta = ssb / (ssb + ssw)
    omega = (ssb - (k - 1) * msw) / (ssb + ssw + msw)
    lev = stats.levene(*samples, center="median")
    welch = stats.f_oneway(*samples, equal_var=False)
    kw = stats.kruskal(*samples)
    print(f"// {name}")
    print(f"f={g(f.statistic)} p={g(f.pvalue)} eta={g(eta)} omega={g(omega)}")
    print(f"levene={g(lev.statistic)} levene_p={g(lev.pvalue)}")
    print(f"welch_f={g(welch.statistic)} welch_p={g(welch.pvalue)}")
    print(f"kruskal_h={g(kw.statistic)} kruskal_p={g(kw.pvalue)} epsilon={g(kw.statistic / (n - 1))}")
    for l, s in zip(labels, samples):
        half = stats.t.ppf(0.975, len(s) - 1) * s.std(ddof=1) / math.sqrt(len(s))
        print(f"group {l}: mean={g(s.mean())} sd={g(s.std(ddof=1))} ci=({g(s.mean() - half)}, {g(s.mean() + half)}) median={g(np.median(s))}")
    tk = stats.tukey_hsd(*samples)
    ci = tk.confidence_interval(0.95)
    for i, j in itertools.combinations(range(k), 2):
        print(f"tukey {labels[i]}-{labels[j]}: diff={g(tk.statistic[i, j])} ci=({g(ci.low[i, j])}, {g(ci.high[i, j])}) p={g(tk.pvalue[i, j])}")
    for i, j in itertools.combinations(range(k), 2):
        a, b = samples[i], samples[j]
        va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
        se = math.sqrt(va + vb)
        df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
        diff = a.mean() - b.mean()
        q = abs(diff) / se * math.sqrt(2)
        p = stats.studentized_range.sf(q, k, df)
        crit = stats.studentized_range.ppf(0.95, k, df) / math.sqrt(2)
        print(f"games_howell {labels[i]}-{labels[j]}: diff={g(diff)} ci=({g(diff - crit * se)}, {g(diff + crit * se)}) p={g(p)} df={g(df)}")

# the studentized range itself
for q, k, df in [(3.5, 3, 10), (1.2, 4, 20), (5.0, 5, 7.5), (4.2, 27, 1000), (6.5, 3, 100000), (2.0, 2, 1)]:
    print(f"ptukey q={q} k={k} df={df}: sf={g(stats.studentized_range.sf(q, k, df))} ppf95={g(stats.studentized_range.ppf(0.95, k, df))}")

# chi-square test of independence and Cramér's V, no continuity correction
table = np.array([[12, 5, 9], [7, 14, 6], [3, 8, 15]])
chi2, p, dof, expected = stats.chi2_contingency(table, correction=False)
v = math.sqrt(chi2 / (table.sum() * (min(table.shape) - 1)))
print(f"chisq={g(chi2)} p={g(p)} dof={dof} cramers_v={g(v)}")

# Welch t test
a = np.array(DATA["unbalanced"]["a"]); b = np.array(DATA["unbalanced"]["b"])
t = stats.ttest_ind(a, b, equal_var=False)
ci = t.confidence_interval(0.95)
print(f"welch_t={g(t.statistic)} p={g(t.pvalue)} df={g(t.df)} ci=({g(ci.low)}, {g(ci.high)})")

# At large df scipy's studentized_range.sf loses digits (about 3e-6 relative at df = 50000); the reference there is a
# direct double integral with scipy.integrate.quad: P(Q > q) = ∫ f_S(s) P(range > q s) ds, S = sqrt(chi2(nu) / nu).
from scipy import integrate, special
def range_sf(w, k):
    f = lambda z: k * stats.norm.pdf(z) * (stats.norm.sf(z) ** (k - 1) - (stats.norm.sf(z) - stats.norm.sf(z + w)) ** (k - 1))
    return integrate.quad(f, -12, 12, epsabs=0, epsrel=1e-13, limit=500)[0]
def studentized_range_sf(q, k, nu):
    lc = (nu / 2) * np.log(nu / 2) + np.log(2) - special.gammaln(nu / 2)
    sd = 1 / np.sqrt(2 * nu)
    return integrate.quad(lambda s: np.exp(lc + (nu - 1) * np.log(s) - nu * s * s / 2) * range_sf(q * s, k), 1 - 20 * sd, 1 + 20 * sd,
                          epsabs=0, epsrel=1e-12, limit=500)[0]
print(f"quad ptukey q=6.5 k=3 df=50000: sf={g(studentized_range_sf(6.5, 3, 50000))}")
