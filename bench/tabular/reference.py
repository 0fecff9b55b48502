#!/usr/bin/python3
"""The reference side of Quarry's tabular benchmark: fits one scikit-learn / XGBoost model on one data set.

Run with Debian's interpreter (it has scikit-learn 1.2.1, XGBoost 1.7.4, pandas 1.5.3):

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 /usr/bin/python3 bench/tabular/reference.py \
        --data attrition.csv --split splits/attrition.json --target Attrition --task classification \
        --positive Yes --categorical BusinessTravel,Department --model sklearn_hgb --threads 1

(`run.ts` builds exactly this command; unsetting the two OPENBLAS variables lets OpenBLAS pick this CPU's own
kernel, see the machine notes — do it in the benchmark command only, never in tests or CI.)

Reading the data mirrors `datasets.ts`: a cell is missing when empty or `NA`; the columns named by --categorical
are read as text and coded 0..k-1 in sorted order (missing stays NaN); a classification target is read as text.
Rows listed in the split file's "test" (0-based, header excluded) are the holdout, every other row trains.

Prints one JSON line: {"fit_s", "predict_s", "metric", "peak_rss_mb", ...}. `predict_s` times predict_proba for a
classifier (labels come from its argmax) and predict for a regressor. The fit is repeated on a fresh model (at least
2 fits, up to 10 while they total under 2 s, or --repeat N) and the fastest fit and predict are reported (`fit_s_first` is
the first, cold one): the machine is shared, and a sub-second timing is easily disturbed. `peak_rss_mb` is the process's resident-set
high-water mark during fit (the kernel's VmHWM, reset just before fit through /proc/self/clear_refs); it includes
the interpreter, the libraries and the loaded data, whose resident size before fit is `rss_before_fit_mb`.
"""

import argparse
import json
import os
import sys

MODELS = ("sklearn_hgb", "xgboost_hist", "sklearn_rf")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="CSV file with a header row")
    parser.add_argument("--split", required=True, help='JSON file {"test": [0-based row indices]}')
    parser.add_argument("--target", required=True)
    parser.add_argument("--task", required=True, choices=("classification", "regression"))
    parser.add_argument("--positive", help="the positive class of a binary task (AUC is computed for it)")
    parser.add_argument("--categorical", default="", help="comma-separated names of categorical feature columns")
    parser.add_argument("--model", required=True, choices=MODELS)
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="for profiling by hand: scikit-learn HGB's own phase timers (verbose=1) on stdout, and per fit its wall"
        " time and page faults on stderr",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=0,
        help="fits in this process, the fastest reported; 0 (default) = at least 2, up to 10 while they total under 2 s",
    )
    return parser.parse_args(argv)


ARGS = parse_args(sys.argv[1:])
# Thread counts must be in the environment before numpy / OpenMP load.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(ARGS.threads)

import gc  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from threadpoolctl import threadpool_info, threadpool_limits  # noqa: E402


def proc_status_kb(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return None


def reset_peak_rss():
    """Resets VmHWM to the current RSS (Linux ≥ 4.0); False where that is not allowed."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def load(args):
    categorical = [c for c in args.categorical.split(",") if c]
    text_columns = set(categorical)
    if args.task == "classification":
        text_columns.add(args.target)
    frame = pd.read_csv(
        args.data,
        dtype={c: str for c in text_columns},
        keep_default_na=False,
        na_values=["", "NA"],
        float_precision="round_trip",  # correctly rounded, like JavaScript's Number()
    )
    with open(args.split) as f:
        test_rows = np.array(sorted(json.load(f)["test"]), dtype=np.int64)
    is_test = np.zeros(len(frame), dtype=bool)
    is_test[test_rows] = True

    y_raw = frame.pop(args.target)
    features = list(frame.columns)
    cat_mask = np.array([c in text_columns for c in features])
    X = np.empty((len(frame), len(features)), dtype=np.float64, order="F")
    n_levels = {}
    for j, name in enumerate(features):
        column = frame[name]
        if cat_mask[j]:
            levels = sorted(column.dropna().unique())
            codes = column.map({level: code for code, level in enumerate(levels)})
            X[:, j] = codes.to_numpy(dtype=np.float64, na_value=np.nan)
            n_levels[name] = len(levels)
        else:
            X[:, j] = pd.to_numeric(column, errors="raise").to_numpy(dtype=np.float64, na_value=np.nan)
    if args.task == "classification":
        classes = sorted(y_raw.unique())
        y = y_raw.map({c: k for k, c in enumerate(classes)}).to_numpy(dtype=np.int64)
    else:
        classes = None
        y = y_raw.to_numpy(dtype=np.float64)
    return {
        "features": features,
        "cat_mask": cat_mask,
        "n_levels": n_levels,
        "X_train": X[~is_test],
        "X_test": X[is_test],
        "y_train": y[~is_test],
        "y_test": y[is_test],
        "classes": classes,
    }


def to_xgb_frame(X, features, cat_mask, n_levels):
    """XGBoost's native categorical support takes a DataFrame with `category` columns."""
    columns = {}
    for j, name in enumerate(features):
        if cat_mask[j]:
            codes = np.where(np.isnan(X[:, j]), -1, X[:, j]).astype(np.int64)
            columns[name] = pd.Categorical.from_codes(codes, categories=list(range(n_levels[name])))
        else:
            columns[name] = X[:, j]
    return pd.DataFrame(columns)


def impute_for_forest(X_train, X_test, cat_mask):
    """scikit-learn 1.2's random forest rejects NaN: train medians (numeric) or most frequent codes (categorical)."""
    X_train = X_train.copy()
    X_test = X_test.copy()
    for j in range(X_train.shape[1]):
        missing_train = np.isnan(X_train[:, j])
        missing_test = np.isnan(X_test[:, j])
        if not (missing_train.any() or missing_test.any()):
            continue
        present = X_train[~missing_train, j]
        if present.size == 0:
            fill = 0.0
        elif cat_mask[j]:
            values, counts = np.unique(present, return_counts=True)
            fill = values[np.argmax(counts)]
        else:
            fill = float(np.median(present))
        X_train[missing_train, j] = fill
        X_test[missing_test, j] = fill
    return X_train, X_test


def make_model(args, data):
    classification = args.task == "classification"
    threads = args.threads
    if args.model == "sklearn_hgb":
        from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor

        cls = HistGradientBoostingClassifier if classification else HistGradientBoostingRegressor
        params = dict(
            max_iter=100,
            learning_rate=0.1,
            max_leaf_nodes=31,
            min_samples_leaf=20,
            max_bins=255,
            early_stopping=False,
            categorical_features=data["cat_mask"] if data["cat_mask"].any() else None,
            random_state=args.seed,
        )
        return cls(**params), "numpy"
    if args.model == "xgboost_hist":
        import xgboost

        cls = xgboost.XGBClassifier if classification else xgboost.XGBRegressor
        # These map XGBoost onto the HGB settings above: HGB grows each tree best-first (leaf with the largest loss
        # reduction next) until it has max_leaf_nodes=31 leaves, with no depth limit. In XGBoost that is
        # grow_policy="lossguide" with max_leaves=31 and max_depth=0 (0 = unlimited depth, allowed only with
        # lossguide); tree_method="hist" is XGBoost's histogram algorithm, and max_bin=255 matches HGB's 255 bins.
        # n_estimators=100 and learning_rate=0.1 are HGB's max_iter and learning_rate. Not mapped, left at XGBoost's
        # defaults: min_child_weight=1 bounds a leaf's hessian sum, not its row count (HGB's min_samples_leaf=20),
        # and XGBoost's L2 penalty reg_lambda=1 (HGB's l2_regularization is 0). There is no early stopping unless
        # asked for, like HGB's early_stopping=False.
        params = dict(
            n_estimators=100,
            learning_rate=0.1,
            tree_method="hist",
            grow_policy="lossguide",
            max_depth=0,
            max_leaves=31,
            max_bin=255,
            n_jobs=threads,  # XGBoost's nthread
            random_state=args.seed,
            enable_categorical=True,
        )
        return cls(**params), "xgb_frame"
    if args.model == "sklearn_rf":
        from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor

        cls = RandomForestClassifier if classification else RandomForestRegressor
        return cls(n_estimators=100, n_jobs=threads, random_state=args.seed), "imputed"
    raise ValueError(args.model)


def score(args, data, output):
    y_test = data["y_test"]
    if args.task == "regression":
        return "rmse", float(np.sqrt(np.mean((y_test - output) ** 2)))
    classes = data["classes"]
    if len(classes) == 2:
        from sklearn.metrics import roc_auc_score

        positive = classes.index(args.positive)
        return "auc", float(roc_auc_score(y_test == positive, output[:, positive]))
    return "accuracy", float(np.mean(np.argmax(output, axis=1) == y_test))


def blas_description():
    parts = []
    for lib in threadpool_info():
        name = lib.get("internal_api")
        arch = lib.get("architecture")
        parts.append(f"{name} {arch} ×{lib.get('num_threads')}" if arch else f"{name} ×{lib.get('num_threads')}")
    return ", ".join(parts)


def versions(model):
    if model == "xgboost_hist":
        import xgboost

        return f"xgboost {xgboost.__version__}"
    import sklearn

    return f"scikit-learn {sklearn.__version__}"


def main(args):
    data = load(args)
    model, layout = make_model(args, data)
    if layout == "xgb_frame":
        X_train = to_xgb_frame(data["X_train"], data["features"], data["cat_mask"], data["n_levels"])
        X_test = to_xgb_frame(data["X_test"], data["features"], data["cat_mask"], data["n_levels"])
    elif layout == "imputed":
        X_train, X_test = impute_for_forest(data["X_train"], data["X_test"], data["cat_mask"])
    else:
        X_train, X_test = data["X_train"], data["X_test"]
    y_train = data["y_train"]

    fit_times = []
    predict_times = []
    output = None
    with threadpool_limits(limits=args.threads):
        while True:
            if fit_times:
                model, _ = make_model(args, data)
            gc.collect()
            if not fit_times:
                rss_before = proc_status_kb("VmRSS")
                exact_peak = reset_peak_rss()
            if args.verbose and args.model == "sklearn_hgb":
                model.set_params(verbose=1)
            faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
            start = time.perf_counter()
            model.fit(X_train, y_train)
            fit_times.append(time.perf_counter() - start)
            if args.verbose:
                faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults
                print(f"fit {len(fit_times)}: wall {fit_times[-1]:.3f} s, {faults} page faults", file=sys.stderr)
            if len(fit_times) == 1:
                if exact_peak:
                    peak_kb = proc_status_kb("VmHWM")
                else:
                    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # whole-run peak, KiB
            start = time.perf_counter()
            result = model.predict_proba(X_test) if args.task == "classification" else model.predict(X_test)
            predict_times.append(time.perf_counter() - start)
            if output is None:
                output = result
            if args.repeat > 0:
                if len(fit_times) >= args.repeat:
                    break
            elif len(fit_times) >= 10 or (len(fit_times) >= 2 and sum(fit_times) >= 2.0):
                break
        blas = blas_description()

    metric_name, metric = score(args, data, output)
    result = {
        "tool": args.model,
        "threads": args.threads,
        "fit_s": round(min(fit_times), 4),
        "predict_s": round(min(predict_times), 4),
        "fit_s_first": round(fit_times[0], 4),
        "fits": len(fit_times),
        "metric": metric,
        "metric_name": metric_name,
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "rss_before_fit_mb": round(rss_before / 1024, 1),
        "peak_source": "VmHWM during fit" if exact_peak else "ru_maxrss (whole run)",
        "n_train": int(len(y_train)),
        "n_test": int(len(data["y_test"])),
        "n_features": len(data["features"]),
        "imputed": layout == "imputed" and bool(np.isnan(data["X_train"]).any() or np.isnan(data["X_test"]).any()),
        "libs": blas,
        "versions": versions(args.model),
        "cpu_s": round(time.process_time(), 3),
    }
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(ARGS)
