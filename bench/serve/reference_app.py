"""scikit-learn behind FastAPI + uvicorn: the HTTP reference side of `npm run bench:serve`.

The same model size as Quarry's bench model (HistGradientBoostingClassifier, 100 iterations, no early stopping,
random_state 1) fitted on attrition.csv at start-up, served the way a FastAPI service usually is:

  GET  /health          200 once the model is fitted (run.ts waits for it)
  POST /predict         {"rows": [{feature: value, ...}, ...]} -> {"predictions": [{"prediction", "probabilities"}]}
  POST /predict/batch   a CSV body (text/csv) or the JSON rows above -> CSV: the input columns, the prediction
                        and one probability per class

Rows are checked the way Quarry checks them (every feature present, numbers where numbers belong; 422 otherwise)
and encoded straight into a float64 matrix (no DataFrame per request, the fast idiomatic path). Nothing is logged,
unlike Quarry, which logs every row to DuckDB. Start it with
`QUARRY_REF_DATA=attrition.csv uvicorn reference_app:app --app-dir bench/serve --workers N`; run.ts sets
OMP_NUM_THREADS=1 so each worker predicts on one core (two OpenMP threads per worker on a 2-core machine spin
against each other and against the other worker).
"""
import io
import os
import socket

import numpy as np
import pandas as pd
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from sklearn.ensemble import HistGradientBoostingClassifier
from uvicorn.protocols.http.h11_impl import H11Protocol

# uvicorn --workers N binds the listener itself with proto 0, so asyncio never sets TCP_NODELAY on accepted
# connections and every keep-alive response waits ~40 ms on the client's delayed ACK (Kludex/uvicorn#3149; one
# worker is unaffected). Set it per connection, as a production deployment would, so 2 workers are not handicapped.
_connection_made = H11Protocol.connection_made


def _connection_made_nodelay(self, transport):
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return _connection_made(self, transport)


H11Protocol.connection_made = _connection_made_nodelay

TARGET = "Attrition"


def _fit(path):
    df = pd.read_csv(path)
    y = df.pop(TARGET).astype(str)
    names = list(df.columns)
    levels = {c: sorted(df[c].astype(str).unique()) for c in names if df[c].dtype == object}
    X = np.empty((len(df), len(names)), dtype=np.float64)
    for j, c in enumerate(names):
        if c in levels:
            X[:, j] = pd.Categorical(df[c].astype(str), categories=levels[c]).codes
        else:
            X[:, j] = df[c].to_numpy(dtype=np.float64)
    mask = np.array([c in levels for c in names])
    model = HistGradientBoostingClassifier(
        max_iter=100, early_stopping=False, categorical_features=mask, random_state=1
    )
    model.fit(X, y)
    return model, names, levels


MODEL, NAMES, LEVELS = _fit(os.environ["QUARRY_REF_DATA"])
CLASSES = [str(c) for c in MODEL.classes_]
# Category text -> code; an unseen category becomes NaN (missing), which HistGradientBoosting sends down the
# missing-value branch, as Quarry does with categories it never saw in training.
CODES = {c: {v: float(i) for i, v in enumerate(lv)} for c, lv in LEVELS.items()}
app = FastAPI(title="scikit-learn reference")


def _encode_rows(rows):
    if not isinstance(rows, list) or not rows:
        raise HTTPException(422, "rows must be a non-empty list of objects")
    X = np.empty((len(rows), len(NAMES)), dtype=np.float64)
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise HTTPException(422, f"row {i} is not an object")
        for j, c in enumerate(NAMES):
            if c not in row:
                raise HTTPException(422, f"row {i} has no '{c}'")
            v = row[c]
            codes = CODES.get(c)
            if v is None or v == "":
                X[i, j] = np.nan
            elif codes is not None:
                X[i, j] = codes.get(str(v).strip(), np.nan)
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                X[i, j] = v
            else:
                try:
                    X[i, j] = float(v)
                except ValueError:
                    raise HTTPException(422, f"'{c}' is numeric but row {i} has {v!r}") from None
    return X


def _encode_frame(df):
    missing = [c for c in NAMES if c not in df.columns]
    if missing:
        raise HTTPException(422, f"missing columns: {', '.join(missing)}")
    X = np.empty((len(df), len(NAMES)), dtype=np.float64)
    for j, c in enumerate(NAMES):
        if c in CODES:
            X[:, j] = df[c].astype(str).str.strip().map(CODES[c]).to_numpy(dtype=np.float64)
        else:
            try:
                X[:, j] = pd.to_numeric(df[c], errors="raise").to_numpy(dtype=np.float64)
            except (ValueError, TypeError):
                raise HTTPException(422, f"'{c}' is numeric but holds text") from None
    return X


@app.get("/health")
def health():
    return {"ok": True, "classes": CLASSES}


@app.post("/predict")
async def predict(request: Request):
    body = await request.json()
    X = _encode_rows(body.get("rows") if isinstance(body, dict) else None)
    proba = MODEL.predict_proba(X)
    best = proba.argmax(axis=1)
    return JSONResponse(
        {
            "predictions": [
                {"prediction": CLASSES[b], "probabilities": dict(zip(CLASSES, p.tolist()))}
                for b, p in zip(best.tolist(), proba)
            ]
        }
    )


@app.post("/predict/batch")
async def predict_batch(request: Request):
    raw = await request.body()
    if request.headers.get("content-type", "").startswith("application/json"):
        import json

        rows = json.loads(raw).get("rows")
        X = _encode_rows(rows)
        df = pd.DataFrame.from_records(rows, columns=NAMES)
    else:
        df = pd.read_csv(io.BytesIO(raw))
        X = _encode_frame(df)
    proba = MODEL.predict_proba(X)
    df[f"predicted_{TARGET}"] = np.asarray(CLASSES, dtype=object)[proba.argmax(axis=1)]
    for k, c in enumerate(CLASSES):
        df[f"proba_{c}"] = proba[:, k]
    return Response(df.to_csv(index=False), media_type="text/csv")
