"""scikit-learn's side of bench/text/run.ts: TF-IDF + LogisticRegression on the same split, then NMF topics.

Usage: /usr/bin/python3 reference.py <job.json>
job.json: {"data_dir", "files", "labels", "train", "test", "C", "max_iter", "topics"}; prints one JSON line with the results.
"""
import json
import os
import sys
import time

import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.decomposition import NMF
from sklearn.linear_model import LogisticRegression

with open(sys.argv[1], encoding="utf-8") as f:
    job = json.load(f)


def read(name):
    with open(os.path.join(job["data_dir"], name.replace("txt", "json")), encoding="utf-8") as f:
        return json.load(f)["text"]


docs = [read(name) for name in job["files"]]
labels = job["labels"]
train, test = job["train"], job["test"]

t0 = time.perf_counter()
vectorizer = TfidfVectorizer()
X_train = vectorizer.fit_transform([docs[i] for i in train])
t1 = time.perf_counter()
model = LogisticRegression(C=job["C"], max_iter=job["max_iter"])
model.fit(X_train, [labels[i] for i in train])
t2 = time.perf_counter()
predicted = model.predict(vectorizer.transform([docs[i] for i in test]))
t3 = time.perf_counter()
correct = sum(int(p == labels[i]) for p, i in zip(predicted, test))
t4 = time.perf_counter()
nmf = NMF(n_components=job["topics"], solver="mu", init="nndsvda", random_state=0).fit(X_train)
t5 = time.perf_counter()
print(
    json.dumps(
        {
            "sklearn": sklearn.__version__,
            "vocabulary": len(vectorizer.vocabulary_),
            "nnz": int(X_train.nnz),
            "vectorize_s": t1 - t0,
            "fit_s": t2 - t1,
            "predict_s": t3 - t2,
            "n_iter": int(model.n_iter_[0]),
            "accuracy": correct / len(test),
            "nmf_s": t5 - t4,
            "nmf_iter": int(nmf.n_iter_),
            "nmf_err": float(nmf.reconstruction_err_),
        }
    )
)
