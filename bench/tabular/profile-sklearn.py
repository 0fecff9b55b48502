"""scikit-learn's side of profiling an HGB fit (not a benchmark): its own phase timers on a generated set.

Fits scikit-learn's HistGradientBoostingClassifier with the benchmark's parameters on a set that
`npm run bench:tabular` generated (bench/results/data), `--fits` times in one process, and prints, per fit, its
`verbose=1` timers (binning, histograms, split finding, applying splits, predicting), the wall time and the page
faults the fit took. Run it in turn with `bench/tabular/profile-hgb.ts` on a quiet machine to compare phases:

    /usr/bin/python3 bench/tabular/profile-sklearn.py [--dataset synth-1m] [--threads 2] [--fits 2]
"""

import argparse
import json
import resource
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from threadpoolctl import threadpool_limits

DATA = Path(__file__).resolve().parents[1] / "results" / "data"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default="synth-1m")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--fits", type=int, default=2)
    args = parser.parse_args()
    frame = pd.read_csv(DATA / f"{args.dataset}.csv", float_precision="round_trip")
    with open(DATA / "splits" / f"{args.dataset}.json") as f:
        test = np.array(sorted(json.load(f)["test"]), dtype=np.int64)
    is_test = np.zeros(len(frame), dtype=bool)
    is_test[test] = True
    target = "lettr" if "lettr" in frame.columns else "y"
    y = frame.pop(target).to_numpy()
    X = np.asfortranarray(frame.to_numpy(dtype=np.float64))
    X_train, y_train = X[~is_test], y[~is_test]
    print(f"{args.dataset}: {X_train.shape[0]} × {X_train.shape[1]} training rows, {args.threads} thread(s)")
    with threadpool_limits(limits=args.threads):
        for k in range(args.fits):
            model = HistGradientBoostingClassifier(
                max_iter=100,
                learning_rate=0.1,
                max_leaf_nodes=31,
                min_samples_leaf=20,
                max_bins=255,
                early_stopping=False,
                random_state=0,
                verbose=1,
            )
            faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
            start = time.perf_counter()
            model.fit(X_train, y_train)
            wall = time.perf_counter() - start
            faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults
            print(f"fit {k + 1}: wall {wall:.3f} s, {faults} page faults", flush=True)


if __name__ == "__main__":
    main()
