"""scikit-learn's side of bench/hgb-fit.bench.ts: fits HistGradientBoostingClassifier on the data the TypeScript
benchmark wrote (X.f64: column-major float64, y.f64) and prints the fit times as JSON.

    OMP_NUM_THREADS=1 /usr/bin/python3 packages/ml/bench/hgb-fit.py <dir> <repeats>
"""
import json
import os
import sys
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

folder, repeats = sys.argv[1], int(sys.argv[2])
shape = json.load(open(os.path.join(folder, "shape.json")))
X = np.fromfile(os.path.join(folder, "X.f64")).reshape(shape["p"], shape["n"]).T.copy()
y = np.fromfile(os.path.join(folder, "y.f64")).astype(int)
wall, cpu = [], []
for _ in range(repeats):
    model = HistGradientBoostingClassifier(max_iter=100, early_stopping=False, random_state=0)
    t, c = time.perf_counter(), time.process_time()
    model.fit(X, y)
    wall.append(time.perf_counter() - t)
    cpu.append(time.process_time() - c)
print(json.dumps({"wall": wall, "cpu": cpu, "train_accuracy": float((model.predict(X) == y).mean())}))
