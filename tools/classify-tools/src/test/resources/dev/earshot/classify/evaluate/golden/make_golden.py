"""Generates golden.json: fixed inputs plus scikit-learn's metrics for them.

Run with numpy and scikit-learn installed:  python3 make_golden.py > golden.json
The Java tests recompute every number with Evaluation.of and compare.
"""

import json
import math
import warnings

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    precision_recall_fscore_support,
    roc_auc_score,
    roc_curve,
    top_k_accuracy_score,
)

GRID = np.round(np.arange(0.0, 1.01, 0.1), 1)


def make_case(name, rng, n, k, class_weights, present, hit_rate):
    truth = rng.choice(present, size=n, p=class_weights)
    scores = np.zeros((n, k))
    for i in range(n):
        # Distinct values within a row keep argmax and top-k free of ties, while the coarse grid
        # makes many ties within a column, which exercises the 1/2 rule of ROC AUC.
        row = rng.choice(GRID, size=k, replace=False)
        if rng.random() < hit_rate:
            top = int(np.argmax(row))
            row[top], row[truth[i]] = row[truth[i]], row[top]
        scores[i] = row
    return name, [f"c{j}" for j in range(k)], truth.astype(int), scores


def pairwise_auc(pos, neg):
    """Mann-Whitney by brute force, independent of sklearn's trapezoid integration."""
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))


def null_if_nan(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def expected(labels, truth, scores):
    k = len(labels)
    idx = list(range(k))
    pred = np.argmax(scores, axis=1)  # first maximum, like Evaluation
    p, r, f, s = precision_recall_fscore_support(
        truth, pred, labels=idx, average=None, zero_division=0
    )
    averages = {}
    for avg in ("macro", "micro", "weighted"):
        ap, ar, af, _ = precision_recall_fscore_support(
            truth, pred, labels=idx, average=avg, zero_division=0
        )
        averages[avg] = {"precision": ap, "recall": ar, "f1": af}
    top = min(3, k)
    if k > top:
        top_acc = top_k_accuracy_score(truth, scores, k=top, labels=idx)
    else:
        top_acc = 1.0
    aucs, curves = [], []
    for c in idx:
        y = (truth == c).astype(int)
        if y.min() == y.max():
            aucs.append(float("nan"))
            curves.append(None)
            continue
        auc = roc_auc_score(y, scores[:, c])
        assert abs(auc - pairwise_auc(scores[y == 1, c], scores[y == 0, c])) < 1e-12
        fpr, tpr, thr = roc_curve(y, scores[:, c], drop_intermediate=False)
        aucs.append(auc)
        curves.append(
            {
                "fpr": fpr.tolist(),
                "tpr": tpr.tolist(),
                "thresholds": [None if np.isinf(t) else float(t) for t in thr],
            }
        )
    defined = [a for a in aucs if not math.isnan(a)]
    present = [c for c in idx if s[c] > 0]
    minority = min(present, key=lambda c: (s[c], c))
    majority = max(idx, key=lambda c: (s[c], -c))
    return {
        "accuracy": accuracy_score(truth, pred),
        "top3Accuracy": top_acc,
        "confusionMatrix": confusion_matrix(truth, pred, labels=idx).tolist(),
        "precision": p.tolist(),
        "recall": r.tolist(),
        "f1": f.tolist(),
        "support": s.tolist(),
        "averages": {a: {m: float(v) for m, v in d.items()} for a, d in averages.items()},
        "rocAuc": [null_if_nan(a) for a in aucs],
        "macroRocAuc": null_if_nan(float(np.mean(defined)) if defined else float("nan")),
        "rocCurves": curves,
        "minorityRecall": float(r[minority]),
        "majorityRecall": float(r[majority]),
    }


def main():
    warnings.simplefilter("ignore")
    rng = np.random.default_rng(20240611)
    cases = [
        make_case("five-classes", rng, 60, 5, [0.4, 0.25, 0.2, 0.1, 0.05], [0, 1, 2, 3, 4], 0.55),
        make_case("absent-class", rng, 30, 4, [0.5, 0.3, 0.2], [0, 1, 2], 0.5),
        make_case("binary", rng, 25, 2, [0.7, 0.3], [0, 1], 0.6),
    ]
    out = []
    for name, labels, truth, scores in cases:
        out.append(
            {
                "name": name,
                "labels": labels,
                "truth": truth.tolist(),
                "probabilities": scores.tolist(),
                "expected": expected(labels, truth, scores),
            }
        )
    import sklearn

    print(json.dumps({"generator": f"scikit-learn {sklearn.__version__}", "cases": out}, indent=1))


if __name__ == "__main__":
    main()
