"""Holdout scores of scikit-learn's HistGradientBoosting on Quarry's eight reference data sets.

Run from the repository root with Debian's python3-sklearn (1.2.x) and python3-pandas:

    /usr/bin/python3 packages/ml/scripts/hgb-reference.py

It writes packages/ml/test/fixtures/hgb-reference.json, which packages/ml/test/hgb-parity.test.ts compares our
HistGradientBoostingClassifier/Regressor against (the tests never need Python).

Data handling mirrors packages/ml/test/load-tabular.ts: a column is numeric when every present cell parses as a
number, otherwise categorical; empty cells and "NA" are missing; categorical columns are ordinal-encoded with their
levels sorted over the whole file and marked categorical. Numbers are parsed with correct rounding
(float_precision='round_trip') so both sides see the same doubles.
"""
import json
import os

# One OpenMP thread: scikit-learn's root gradient sum is a parallel reduction whose rounding depends on the thread
# count; with one thread it sums in row order, as Quarry does.
os.environ["OMP_NUM_THREADS"] = "1"

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import sklearn  # noqa: E402
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor  # noqa: E402
from sklearn.metrics import accuracy_score, log_loss, mean_squared_error, r2_score, roc_auc_score  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared", "data", "tabular"))
OUT = os.path.join(HERE, "..", "test", "fixtures", "hgb-reference.json")

HEAD = 10

PARAMS = dict(
    max_iter=100,
    learning_rate=0.1,
    max_leaf_nodes=31,
    min_samples_leaf=20,
    max_bins=255,
    early_stopping=False,
    random_state=0,
)


def load(name, target):
    frame = pd.read_csv(
        os.path.join(DATA, name + ".csv"),
        keep_default_na=False,
        na_values=["", "NA"],
        float_precision="round_trip",
    )
    features = [c for c in frame.columns if c != target]
    columns = []
    categorical = []
    for column in features:
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values):
            columns.append(values.to_numpy(dtype=np.float64))
        else:
            levels = sorted(values.dropna().unique())
            codes = values.map({level: float(code) for code, level in enumerate(levels)})
            columns.append(codes.to_numpy(dtype=np.float64))
            categorical.append(column)
    X = np.column_stack(columns)
    mask = np.array([c in categorical for c in features])
    return X, frame[target], mask, categorical


def scores(name, spec):
    X, y, mask, categorical = load(name, spec["target"])
    with open(os.path.join(DATA, "splits", name + ".json")) as f:
        test = np.array(json.load(f)["test"])
    train = np.setdiff1d(np.arange(len(y)), test)
    params = dict(PARAMS, categorical_features=mask if mask.any() else None)
    out = {"task": spec["task"], "n_train": int(len(train)), "n_test": int(len(test)), "categorical": categorical}
    if spec["task"] == "classification":
        model = HistGradientBoostingClassifier(**params).fit(X[train], y.iloc[train])
        proba = model.predict_proba(X[test])
        y_test = y.iloc[test].to_numpy()
        out["accuracy"] = accuracy_score(y_test, model.predict(X[test]))
        if len(model.classes_) == 2:
            positive = list(model.classes_).index(spec["positive"])
            out["roc_auc"] = roc_auc_score(y_test == spec["positive"], proba[:, positive])
        else:
            out["roc_auc_ovr"] = roc_auc_score(y_test, proba, multi_class="ovr", labels=model.classes_)
        out["log_loss"] = log_loss(y_test, proba, labels=model.classes_)
        # Probability of the last class for the first holdout rows: a bit-level regression check.
        out["head"] = [float(v) for v in proba[:HEAD, -1]]
    else:
        model = HistGradientBoostingRegressor(**params).fit(X[train], y.iloc[train].to_numpy(dtype=np.float64))
        pred = model.predict(X[test])
        y_test = y.iloc[test].to_numpy(dtype=np.float64)
        out["rmse"] = float(np.sqrt(mean_squared_error(y_test, pred)))
        out["r2"] = r2_score(y_test, pred)
        out["head"] = [float(v) for v in pred[:HEAD]]
    out["n_iter"] = int(model.n_iter_)
    return {k: (round(v, 10) if isinstance(v, float) and k != "head" else v) for k, v in out.items()}


# Other losses and options, checked on the first holdout predictions only. Sample weights are 1, 2, 3, 1, 2, 3, ...
# over the training rows.
VARIANTS = {
    "ozone absolute_error": ("ozone", dict(loss="absolute_error"), False),
    "boston poisson": ("boston", dict(loss="poisson"), False),
    "boston sample weights": ("boston", dict(), True),
    "attrition balanced": ("attrition", dict(class_weight="balanced"), False),
    "vehicle weights, l2, max_depth": ("vehicle", dict(l2_regularization=1.0, max_depth=4), True),
    "boston 8 leaves, 100 bins": ("boston", dict(max_leaf_nodes=8, min_samples_leaf=5, max_bins=100), False),
}


def variant(name, extra, weighted, spec):
    X, y, mask, _ = load(name, spec["target"])
    with open(os.path.join(DATA, "splits", name + ".json")) as f:
        test = np.array(json.load(f)["test"])
    train = np.setdiff1d(np.arange(len(y)), test)
    params = dict(PARAMS, categorical_features=mask if mask.any() else None, **extra)
    weights = (1 + np.arange(len(train)) % 3).astype(np.float64) if weighted else None
    if spec["task"] == "classification":
        model = HistGradientBoostingClassifier(**params).fit(X[train], y.iloc[train], sample_weight=weights)
        head = model.predict_proba(X[test])[:HEAD, -1]
    else:
        target = y.iloc[train].to_numpy(dtype=np.float64)
        model = HistGradientBoostingRegressor(**params).fit(X[train], target, sample_weight=weights)
        head = model.predict(X[test])[:HEAD]
    return {"dataset": name, "params": extra, "sample_weight": weighted, "head": [float(v) for v in head]}


def main():
    with open(os.path.join(DATA, "specs.json")) as f:
        specs = json.load(f)
    result = {
        "generator": "packages/ml/scripts/hgb-reference.py",
        "sklearn": sklearn.__version__,
        "params": PARAMS,
        "datasets": {name: scores(name, spec) for name, spec in specs.items()},
        "variants": {
            label: variant(name, extra, weighted, specs[name]) for label, (name, extra, weighted) in VARIANTS.items()
        },
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
