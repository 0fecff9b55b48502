"""scikit-learn side of `npm run bench:serve`, in-process: the same model size as Quarry's
(HistGradientBoostingClassifier, 100 iterations, no early stopping) on attrition.csv, timed without HTTP (the HTTP
side is reference_app.py behind uvicorn). run.ts runs it at OMP_NUM_THREADS=1 and at scikit-learn's default (all
cores). Prints one JSON object: batch rows/s of predict_proba on 10 000 rows (median of 5, after one warm-up call),
its median CPU time, and the single-row predict_proba call rate."""
import json
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier

df = pd.read_csv(sys.argv[1])
y = df.pop("Attrition")
categorical = [c for c in df.columns if df[c].dtype == object]
for c in categorical:
    df[c] = df[c].astype("category").cat.codes
X = df.to_numpy(dtype=np.float64)
mask = np.array([c in categorical for c in df.columns])
model = HistGradientBoostingClassifier(max_iter=100, early_stopping=False, categorical_features=mask, random_state=1)
model.fit(X, y)
big = X[np.arange(10_000) % len(X)]
model.predict_proba(big)
runs = []
cpu = []
for _ in range(5):
    t = time.perf_counter()
    c = time.process_time()
    model.predict_proba(big)
    runs.append(time.perf_counter() - t)
    cpu.append(time.process_time() - c)
batch_s = sorted(runs)[2]
n = 2000
t = time.perf_counter()
for i in range(n):
    model.predict_proba(X[i % len(X)].reshape(1, -1))
single_s = time.perf_counter() - t
print(json.dumps({
    "sklearn": sklearn.__version__,
    "trees": int(model.n_iter_),
    "batchRows": len(big),
    "batchRowsPerSec": round(len(big) / batch_s),
    "batchMs": round(batch_s * 1000, 1),
    # CPU time of the process (all its threads): steadier than the wall clock on a loaded machine.
    "batchCpuMs": round(sorted(cpu)[2] * 1000, 1),
    "singleRowCallsPerSec": round(n / single_s),
}))
