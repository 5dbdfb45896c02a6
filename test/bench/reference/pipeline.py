#!/usr/bin/env python3
"""The reference pipeline: keyword processing in pandas + scikit-learn, timed stage by stage.

What it is: the processing of the original Python design of this product (scores, related keywords,
TF-IDF + k-means clusters, trend analysis, a random forest), kept as that design wrote it. It is not part
of the product; it is the benchmarks' yardstick (docs/benchmarks.md): the same JSON-lines file goes into
this script and into `npm run bench` (test/bench/pipeline.ts), and each prints the same stage names
(load, process, analyze, trends, train) in seconds, so every stage can be compared time for time and
result for result. The formulas stay as written, so a difference in a score between the two programs is
a difference in meaning, not in taste (docs/benchmarks.md lists the ones that are meant: related
keywords with spaces, a success target that is not a feature).

    npm run generate -- --keywords 10000 --days 30 --end 2026-11-01 --out /tmp/obs-10k-30.jsonl
    python3 test/bench/reference/pipeline.py /tmp/obs-10k-30.jsonl [--stages process,analyze,trends,train]
                                             [--split-out split.json]

--split-out writes the train/test row indices of scikit-learn's split of the newest day
({"train": [...], "test": [...]}), for `test/bench/oracles.ts --sklearn-split split.json`, which trains
the project's forest on exactly that split.

Needs numpy, pandas and scikit-learn (Debian: apt-get install python3-sklearn python3-pandas, then run
it with /usr/bin/python3).
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.ensemble import RandomForestRegressor
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def difficulty(d):
    competition_score = min(d.get("competition", 0.0), 1.0)
    cpc_score = min(d.get("cpc", 0.0) / 10.0, 1.0)
    volume_score = 1.0 - min(d.get("search_volume", 0) / 10000, 1.0)
    return round(competition_score * 0.4 + cpc_score * 0.3 + volume_score * 0.3, 3)


def opportunity(d):
    volume_score = min(d.get("search_volume", 0) / 5000, 1.0)
    trend = max(0, min(d.get("trend_score", 0.0), 1.0))
    competition_score = 1.0 - min(d.get("competition", 0.0), 1.0)
    return round(volume_score * 0.4 + trend * 0.3 + competition_score * 0.3, 3)


def process(raw):
    """Scores, related keywords, TF-IDF + KMeans clusters."""
    processed = []
    for d in raw:
        related = [k for k in d.get("related_keywords", []) if 3 <= len(k) <= 50 and k.isalpha()][:10]
        processed.append({
            "keyword": d["keyword"], "platform": d["platform"],
            "search_volume": d.get("search_volume", 0), "competition": d.get("competition", 0.0),
            "cpc": d.get("cpc", 0.0), "trend_score": d.get("trend_score", 0.0),
            "difficulty_score": difficulty(d), "opportunity_score": opportunity(d),
            "related_keywords": related, "cluster_id": None,
        })
    if len(processed) >= 2:
        vectors = TfidfVectorizer(max_features=1000, stop_words="english", ngram_range=(1, 2)).fit_transform(
            [p["keyword"] for p in processed])
        labels = KMeans(n_clusters=10, random_state=42, n_init="auto").fit_predict(vectors)
        for p, label in zip(processed, labels):
            p["cluster_id"] = int(label)
    return processed


def analyze(processed):
    """Totals, averages, the top ten opportunities and the trending count."""
    top = sorted(processed, key=lambda x: x["opportunity_score"], reverse=True)[:10]
    return {
        "total_keywords": len(processed),
        "avg_search_volume": round(float(np.mean([p["search_volume"] for p in processed])), 2),
        "avg_competition": round(float(np.mean([p["competition"] for p in processed])), 3),
        "avg_opportunity": round(float(np.mean([p["opportunity_score"] for p in processed])), 3),
        "top_opportunities": [{"keyword": p["keyword"], "opportunity_score": p["opportunity_score"]} for p in top],
        "trending_count": sum(1 for p in processed if p["trend_score"] > 0.7),
    }


def trends(raw):
    """Per platform, per day, and a 7-day 'prediction' (a linear model on noised inputs, as designed)."""
    df = pd.DataFrame(raw)
    platforms = {}
    for platform in df["platform"].unique():
        pdf = df[df["platform"] == platform]
        trending = pdf[pdf["trend_score"] > 0.7].nlargest(10, "trend_score")
        emerging = pdf[(pdf["search_volume"] > 100) & (pdf["search_volume"] < 1000)
                       & (pdf["competition"] < 0.5)].nlargest(10, "search_volume")
        platforms[platform] = {
            "total_keywords": int(len(pdf)),
            "avg_search_volume": float(pdf["search_volume"].mean()),
            "avg_competition": float(pdf["competition"].mean()),
            "avg_cpc": float(pdf["cpc"].mean()),
            "trending": trending["keyword"].tolist(),
            "emerging": emerging["keyword"].tolist(),
        }
    temporal = {}
    if "date" in df.columns:
        df["date"] = pd.to_datetime(df["date"])
        daily = df.groupby(df["date"].dt.date).agg(
            {"search_volume": "sum", "competition": "mean", "cpc": "mean"}).reset_index()
        for column in ["search_volume", "competition", "cpc"]:
            values = daily[column].values
            if len(values) > 1:
                slope = float(np.polyfit(np.arange(len(values)), values, 1)[0])
                temporal[column] = {"slope": slope, "direction": "increasing" if slope > 0 else "decreasing"}
    predictions = []
    if len(df) >= 10:
        X = StandardScaler().fit_transform(df[["search_volume", "competition", "cpc"]].values)
        model = LinearRegression().fit(X, df["trend_score"].values)
        rng = np.random.default_rng(42)
        for day in range(7):
            predictions.append(float(np.mean(model.predict(X + rng.normal(0, 0.1, X.shape)))))
    return {"platforms": platforms, "temporal": temporal, "predictions": predictions}


def train(raw):
    """Random forest, 100 trees, depth 10, 80/20 split; the target is search_volume unless success_score is given."""
    df = pd.DataFrame(raw)
    X = df[["search_volume", "competition", "cpc", "trend_score"]].values
    y = df["success_score"].values if "success_score" in df.columns else df["search_volume"].values
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    model = RandomForestRegressor(n_estimators=100, random_state=42, max_depth=10, n_jobs=1).fit(X_train, y_train)
    pred = model.predict(X_test)
    return {"mse": float(mean_squared_error(y_test, pred)), "r2_score": float(r2_score(y_test, pred)),
            "training_samples": len(X_train), "test_samples": len(X_test)}


def main():
    path = sys.argv[1]
    stages = ["process", "analyze", "trends", "train"]
    if "--stages" in sys.argv:
        stages = sys.argv[sys.argv.index("--stages") + 1].split(",")
    seconds = {}
    t = time.perf_counter()
    with open(path) as f:
        raw = [json.loads(line) for line in f if line.strip()]
    seconds["load"] = time.perf_counter() - t
    # the processing stages see the newest day only, as the design's processor sees one batch
    newest = max(d["date"] for d in raw)
    batch = [d for d in raw if d["date"] == newest]
    if "--split-out" in sys.argv:
        # the same shuffle as train()'s: train_test_split's permutation depends only on the row count and random_state
        train_rows, test_rows = train_test_split(np.arange(len(batch)), test_size=0.2, random_state=42)
        with open(sys.argv[sys.argv.index("--split-out") + 1], "w") as f:
            json.dump({"train": train_rows.tolist(), "test": test_rows.tolist()}, f)
    results = {}
    processed = None
    for stage in stages:
        t = time.perf_counter()
        if stage == "process":
            processed = process(batch)
            results["clusters"] = len({p["cluster_id"] for p in processed})
        elif stage == "analyze":
            results["analyze"] = analyze(processed or process(batch))
        elif stage == "trends":
            results["trends_platforms"] = sorted(trends(raw)["platforms"])
        elif stage == "train":
            results["train"] = train(batch)
        seconds[stage] = time.perf_counter() - t
    print(json.dumps({"records": len(raw), "batch": len(batch),
                      "seconds": {k: round(v, 4) for k, v in seconds.items()}, "results": results}))


if __name__ == "__main__":
    main()
