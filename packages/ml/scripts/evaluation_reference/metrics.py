"""Metric references: precision/recall/F, curves, calibration curve, regression errors, classification report."""
import numpy as np
from sklearn.calibration import calibration_curve
from sklearn.metrics import (average_precision_score, brier_score_loss, classification_report, f1_score,
                             fbeta_score, mean_absolute_percentage_error, median_absolute_error,
                             precision_recall_curve, precision_recall_fscore_support, precision_score,
                             recall_score, roc_curve)

rng = np.random.default_rng(20240701)


def prfs_cases(y_true, y_pred, sw):
    out = []
    for average in (None, "macro", "weighted", "micro"):
        for zero_division in ("warn", 0, 1):
            for weighted in (False, True):
                p, r, f, s = precision_recall_fscore_support(
                    y_true, y_pred, average=average, zero_division=zero_division,
                    sample_weight=sw if weighted else None, beta=1.0)
                f2 = fbeta_score(y_true, y_pred, beta=2.0, average=average, zero_division=zero_division,
                                 sample_weight=sw if weighted else None)
                out.append({"average": average, "zeroDivision": zero_division, "weighted": weighted,
                            "precision": p, "recall": r, "f1": f, "f2": f2,
                            "support": None if s is None else s})
    return out


def reference():
    # Multiclass: class 3 is never predicted and class 4 never occurs (zero divisions both ways).
    y_true = rng.integers(0, 4, size=40)
    y_pred = np.where(rng.uniform(size=40) < 0.6, y_true, rng.integers(0, 3, size=40))
    y_pred[y_pred == 3] = 0
    y_pred[5] = 4
    sw = np.round(rng.uniform(0.2, 2.0, size=40), 6)
    multiclass = {"yTrue": y_true, "yPred": y_pred, "sampleWeight": sw, "cases": prfs_cases(y_true, y_pred, sw)}
    labels = [2, 0, 5]
    multiclass["subset"] = {
        "labels": labels,
        "precision": precision_score(y_true, y_pred, labels=labels, average=None, zero_division=0),
        "recallMacro": recall_score(y_true, y_pred, labels=labels, average="macro", zero_division=1),
        "f1Micro": f1_score(y_true, y_pred, labels=labels, average="micro"),
        "report": classification_report(y_true, y_pred, labels=labels, output_dict=True, zero_division=0),
    }
    multiclass["report"] = classification_report(y_true, y_pred, output_dict=True,
                                                 target_names=["a", "b", "c", "d", "e"])
    # Weighted average when no scored label occurs in y_true.
    multiclass["noTrue"] = {
        "yTrue": [0, 0, 1], "yPred": [2, 2, 2], "labels": [2],
        "zero": precision_recall_fscore_support([0, 0, 1], [2, 2, 2], labels=[2], average="weighted",
                                                zero_division=0)[:3],
        "one": precision_recall_fscore_support([0, 0, 1], [2, 2, 2], labels=[2], average="weighted",
                                               zero_division=1)[:3],
    }

    # Binary: scores with many ties, weights with zeros.
    yb = rng.integers(0, 2, size=60)
    score = np.round(np.clip(0.35 * yb + rng.normal(0.35, 0.25, size=60), 0, 1), 2)
    swb = np.round(rng.uniform(0, 2, size=60), 6)
    swb[[3, 17, 40]] = 0
    binary = {"yTrue": yb, "score": score, "sampleWeight": swb}
    for weighted in (False, True):
        w = swb if weighted else None
        key = "weighted" if weighted else "plain"
        fpr, tpr, thr = roc_curve(yb, score, sample_weight=w)
        fpr_all, tpr_all, thr_all = roc_curve(yb, score, sample_weight=w, drop_intermediate=False)
        prec, rec, pthr = precision_recall_curve(yb, score, sample_weight=w)
        binary[key] = {
            "roc": {"fpr": fpr, "tpr": tpr, "thresholds": thr},
            "rocAll": {"fpr": fpr_all, "tpr": tpr_all, "thresholds": thr_all},
            "pr": {"precision": prec, "recall": rec, "thresholds": pthr},
            "ap": average_precision_score(yb, score, sample_weight=w),
            "brier": brier_score_loss(yb, score, sample_weight=w),
            "precision": precision_score(yb, (score > 0.5).astype(int), sample_weight=w),
            "recall": recall_score(yb, (score > 0.5).astype(int), sample_weight=w),
            "f1": f1_score(yb, (score > 0.5).astype(int), sample_weight=w),
            "f1Pos0": f1_score(yb, (score > 0.5).astype(int), sample_weight=w, pos_label=0),
        }
    binary["docExample"] = {
        "roc": roc_curve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], pos_label=2),
        "ap": average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]),
    }
    prob = np.round(rng.beta(2, 2, size=80), 6)
    prob[:4] = [0.0, 0.2, 0.4, 1.0]  # values on bin edges
    yc = (rng.uniform(size=80) < prob).astype(int)
    calibration = {"yTrue": yc, "prob": prob}
    for strategy in ("uniform", "quantile"):
        for n_bins in (5, 10):
            t, p = calibration_curve(yc, prob, n_bins=n_bins, strategy=strategy)
            calibration[f"{strategy}{n_bins}"] = {"probTrue": t, "probPred": p}

    yr = np.round(rng.normal(size=31) * 5, 6)
    yr[[2, 9]] = 0.0  # zero targets: the epsilon rule
    pr = np.round(yr + rng.normal(size=31), 6)
    pr[2] = 0.0
    swr = np.round(rng.uniform(0.5, 1.5, size=31), 6)
    regression = {
        "yTrue": yr, "yPred": pr, "sampleWeight": swr,
        "mape": mean_absolute_percentage_error(yr, pr),
        "mapeWeighted": mean_absolute_percentage_error(yr, pr, sample_weight=swr),
        "mapeNonZero": mean_absolute_percentage_error(np.delete(yr, 9), np.delete(pr, 9)),
        "medae": median_absolute_error(yr, pr),
        "medaeOdd": median_absolute_error(yr[:-1], pr[:-1]),
    }
    return {"multiclass": multiclass, "binary": binary, "calibration": calibration, "regression": regression}
