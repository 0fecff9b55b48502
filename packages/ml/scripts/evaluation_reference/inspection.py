"""Inspection references: partial dependence (brute force) of decision trees, numeric grids from mquantiles."""
import numpy as np
from sklearn.inspection import partial_dependence
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

rng = np.random.default_rng(20240705)


def stable(make, X, y):
    """Fits with several random_state values and checks the tree does not depend on it (no tied splits). Leaf
    means of a regression tree differ in the last bits between seeds (the rows are summed in another order)."""
    models = [make(seed).fit(X, y) for seed in range(5)]
    probe = np.round(rng.normal(size=(200, X.shape[1])) * 2, 6)
    outputs = [m.predict(probe) for m in models]
    assert all(np.allclose(o, outputs[0], rtol=1e-13, atol=0) for o in outputs)
    return models[0]


def reference():
    X = np.round(rng.normal(size=(200, 3)), 6)
    X[:, 2] = rng.integers(0, 4, size=200)  # a discrete feature: the grid is its 4 values
    y_reg = np.round(2 * np.sin(X[:, 0]) + X[:, 1] ** 2 + 0.5 * X[:, 2] + rng.normal(scale=0.3, size=200), 6)
    logits = X[:, 0] - X[:, 1] + 0.4 * X[:, 2]
    y_cls = np.digitize(logits + rng.normal(scale=0.5, size=200), [-0.6, 0.8])
    reg = stable(lambda s: DecisionTreeRegressor(max_depth=4, min_samples_leaf=10, random_state=s), X, y_reg)
    clf = stable(lambda s: DecisionTreeClassifier(max_depth=3, min_samples_leaf=15, random_state=s), X, y_cls)
    out = {"X": X, "yReg": y_reg, "yClass": y_cls, "regression": [], "classification": []}
    for feature, resolution, kind in ((0, 20, "both"), (1, 100, "average"), (2, 100, "average")):
        pd = partial_dependence(reg, X, [feature], grid_resolution=resolution, kind=kind, method="brute")
        out["regression"].append({"feature": feature, "gridResolution": resolution, "kind": kind,
                                  "grid": pd["values"][0], "average": pd["average"][0],
                                  "individual": pd["individual"][0] if kind == "both" else None})
    for feature in (0, 2):
        pd = partial_dependence(clf, X, [feature], grid_resolution=15, percentiles=(0.1, 0.9), method="brute")
        out["classification"].append({"feature": feature, "grid": pd["values"][0], "average": pd["average"]})
    return out
