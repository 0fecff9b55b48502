"""Calibration references: IsotonicRegression, Platt's sigmoid, CalibratedClassifierCV around a decision tree."""
import numpy as np
from sklearn.calibration import CalibratedClassifierCV, _sigmoid_calibration
from sklearn.isotonic import IsotonicRegression, isotonic_regression
from sklearn.tree import DecisionTreeClassifier

rng = np.random.default_rng(20240704)


def platt_optimum(f, y):
    """The exact optimum of scikit-learn's regularised Platt objective, by Newton's method in float64."""
    prior1 = float(np.sum(y > 0))
    prior0 = len(y) - prior1
    t = np.where(y > 0, (prior1 + 1) / (prior1 + 2), 1 / (prior0 + 2))
    ab = np.array([0.0, np.log((prior0 + 1) / (prior1 + 1))])
    for _ in range(100):
        p = 1 / (1 + np.exp(ab[0] * f + ab[1]))
        g = np.array([np.dot(t - p, f), np.sum(t - p)])
        h = p * (1 - p)
        H = np.array([[np.dot(h, f * f), np.dot(h, f)], [np.dot(h, f), np.sum(h)]])
        ab = ab - np.linalg.solve(H, g)
    return ab


def isotonic_cases():
    x = np.round(rng.uniform(0, 10, size=60), 1)  # rounded: many duplicate x values
    y = np.round(np.sqrt(x) + rng.normal(scale=0.6, size=60), 6)
    w = np.round(rng.uniform(0, 2, size=60), 6)
    w[[4, 9]] = 0
    x_test = np.round(np.concatenate([[-1.0, 0.0, 10.5], rng.uniform(0, 10, size=20), x[:5]]), 6)
    cases = []
    for options, weighted in (({}, False), ({}, True), ({"increasing": False}, False), ({"increasing": "auto"}, False),
                              ({"y_min": 0.5, "y_max": 2.5, "out_of_bounds": "clip"}, True)):
        model = IsotonicRegression(**options).fit(x, y if options.get("increasing", True) is not False else -y,
                                                   sample_weight=w if weighted else None)
        camel = {"increasing": "increasing", "y_min": "yMin", "y_max": "yMax", "out_of_bounds": "outOfBounds"}
        cases.append({
            "options": {camel[k]: v for k, v in options.items()}, "weighted": weighted,
            "negate": options.get("increasing", True) is False,
            "xThresholds": model.X_thresholds_, "yThresholds": model.y_thresholds_,
            "increasing": bool(model.increasing_), "predict": model.predict(x_test),
        })
    seq = np.round(rng.normal(size=25).cumsum() + rng.normal(scale=2, size=25), 6)
    return {
        "x": x, "y": y, "sampleWeight": w, "xTest": x_test, "cases": cases,
        "sequence": seq, "pava": isotonic_regression(seq), "pavaDecreasing": isotonic_regression(seq, increasing=False),
    }


def sigmoid_cases():
    out = []
    for n, scale in ((40, 1.0), (200, 3.0)):
        f = np.round(rng.normal(size=n) * scale, 6)
        y = (rng.uniform(size=n) < 1 / (1 + np.exp(-1.5 * f + 0.3))).astype(int)
        a, b = _sigmoid_calibration(f, y)
        out.append({"f": f, "y": y, "sklearn": [a, b], "exact": platt_optimum(f, y)})
    return out


def calibrated_cases():
    X = np.round(rng.normal(size=(150, 4)), 6)
    X_test = np.round(rng.normal(size=(30, 4)), 6)
    logits = X[:, 0] - X[:, 1] + 0.5 * X[:, 2] ** 2 + rng.normal(scale=0.8, size=150)
    targets = {"binary": (logits > 0.3).astype(int), "multiclass": np.digitize(logits, [-0.5, 0.9])}
    out = {"X": X, "XTest": X_test}
    for name, y in targets.items():
        out[name] = {"y": y}
        for method in ("isotonic", "sigmoid"):
            for ensemble in (True, False):
                probas = []
                for seed in range(5):  # depth 2, leaves of 20+ rows: the trees do not depend on random_state here
                    tree = DecisionTreeClassifier(max_depth=2, min_samples_leaf=20, random_state=seed)
                    model = CalibratedClassifierCV(tree, method=method, cv=3, ensemble=ensemble).fit(X, y)
                    probas.append(model.predict_proba(X_test))
                assert all(np.array_equal(p, probas[0]) for p in probas)
                out[name][f"{method}{'Ensemble' if ensemble else 'Single'}"] = probas[0]
    return out


def reference():
    return {"isotonic": isotonic_cases(), "sigmoid": sigmoid_cases(), "calibrated": calibrated_cases()}
