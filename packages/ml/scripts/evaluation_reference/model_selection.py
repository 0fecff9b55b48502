"""Model-selection references: group and time-series folds, NumPy's argsort, and a grid search's ranking."""
import numpy as np
from sklearn.model_selection import GridSearchCV, GroupKFold, StratifiedGroupKFold, StratifiedKFold, TimeSeriesSplit

rng = np.random.default_rng(20240702)


def folds(splitter, X, y=None, groups=None):
    return [{"train": train, "test": test} for train, test in splitter.split(X, y, groups)]


def splits():
    out = {}
    # NumPy's unstable introsort: arrays past 16 elements with many ties.
    out["argsort"] = []
    for n in (5, 16, 17, 40, 200, 1000):
        values = rng.integers(0, max(2, n // 6), size=n)
        out["argsort"].append({"values": values, "order": np.argsort(values)})
    # GroupKFold: few groups with tied sizes, then many (the tie order comes from NumPy's argsort).
    small = rng.permutation(np.repeat([7, 3, 11, 5, 2, 9, 4], [6, 4, 6, 4, 3, 6, 1]))
    many = rng.integers(0, 45, size=300) * 10 + 1
    out["groupKFold"] = [
        {"groups": small, "nSplits": 3, "folds": folds(GroupKFold(3), np.zeros(len(small)), groups=small)},
        {"groups": many, "nSplits": 5, "folds": folds(GroupKFold(5), np.zeros(len(many)), groups=many)},
    ]
    y = rng.integers(0, 3, size=120)
    y[rng.uniform(size=120) < 0.5] = 0
    groups = rng.integers(0, 25, size=120)
    out["stratifiedGroupKFold"] = [
        {"y": y, "groups": groups, "nSplits": k,
         "folds": folds(StratifiedGroupKFold(k), np.zeros(120), y, groups)} for k in (3, 5)
    ]
    out["timeSeriesSplit"] = []
    for n, options in ((23, {}), (23, {"n_splits": 3, "max_train_size": 6}), (30, {"n_splits": 4, "test_size": 3, "gap": 2}),
                       (12, {"n_splits": 3, "gap": 1, "max_train_size": 4})):
        camel = {"n_splits": "nSplits", "max_train_size": "maxTrainSize", "test_size": "testSize", "gap": "gap"}
        out["timeSeriesSplit"].append({
            "nRows": n, "options": {camel[k]: v for k, v in options.items()},
            "folds": folds(TimeSeriesSplit(**options), np.zeros(n)),
        })
    return out


def grid_search():
    """GridSearchCV over a scaler + tree pipeline (accuracy) and over Ridge (neg MSE) on fixed folds."""
    from sklearn.linear_model import Ridge
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.tree import DecisionTreeClassifier

    rng = np.random.default_rng(20240703)  # its own stream, so this section can be regenerated alone
    X = np.round(rng.normal(size=(90, 4)), 6)
    y_cls = ((X[:, 0] + 0.7 * X[:, 1] ** 2 - 0.5 * X[:, 2] + rng.normal(scale=0.6, size=90)) > 0.4).astype(int)
    y_reg = np.round(X @ np.array([2.0, -1.0, 0.5, 0.0]) + rng.normal(scale=1.5, size=90), 6)
    cv = StratifiedKFold(4)
    tree_folds = list(cv.split(X, y_cls))
    pipe = Pipeline([("scale", StandardScaler()), ("model", DecisionTreeClassifier(random_state=0))])
    # A grid whose results do not depend on the tree's random_state (checked over 8 seeds): with smaller leaves,
    # scikit-learn's trees break ties between equally good splits by its random feature order.
    grid = {"model__max_depth": [1, 2, 3, 4, None], "model__min_samples_leaf": [6, 10, 15]}
    tree = GridSearchCV(pipe, grid, cv=tree_folds, scoring="accuracy", return_train_score=True).fit(X, y_cls)
    ridge_folds = [(np.setdiff1d(np.arange(90), test), test) for test in np.array_split(np.arange(90), 5)]
    ridge = GridSearchCV(Ridge(), {"alpha": [0.01, 1.0, 30.0, 300.0, 3000.0], "fit_intercept": [True, False]},
                         cv=ridge_folds, scoring="neg_mean_squared_error").fit(X, y_reg)

    def summary(search, keys):
        r = search.cv_results_
        n_splits = search.n_splits_
        return {
            "params": [{key: p[key] for key in keys} for p in r["params"]],
            "meanTestScore": r["mean_test_score"], "stdTestScore": r["std_test_score"],
            "rankTestScore": r["rank_test_score"],
            "splitTestScores": np.column_stack([r[f"split{k}_test_score"] for k in range(n_splits)]),
            "meanTrainScore": r.get("mean_train_score"),
            "bestIndex": search.best_index_, "bestScore": search.best_score_,
        }

    return {
        "X": X, "yClass": y_cls, "yReg": y_reg,
        "treeFolds": [{"train": a, "test": b} for a, b in tree_folds],
        "ridgeFolds": [{"train": a, "test": b} for a, b in ridge_folds],
        "tree": summary(tree, ["model__max_depth", "model__min_samples_leaf"]),
        "ridge": summary(ridge, ["alpha", "fit_intercept"]),
    }
