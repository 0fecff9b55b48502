import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers';
import { Store } from '../store/db';
import { type LogEntry, PredictionLog } from './prediction-log';

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = tempDir();
  store = await Store.open(dir);
});
afterAll(() => store.close());

const entry = (i: number): LogEntry => ({
  rowId: `row-${i}`,
  modelId: 'm1',
  modelName: 'm',
  modelVersion: 1,
  arm: 'direct',
  inputHash: 'h',
  inputs: JSON.stringify([i, 'a']),
  prediction: i % 2 === 0 ? 'Yes' : null,
  proba: null,
  latencyMs: 0.05,
  timeMs: Date.UTC(2026, 0, 1) + i,
});

describe('prediction log', () => {
  it('appends buffered rows in batches, every field intact, and survives a reopen', async () => {
    const log = new PredictionLog(store);
    for (let i = 0; i < 2500; i++) log.add(entry(i)); // 2 000 flush on their own, the rest on flush()
    await log.flush();
    const rows = await store.all<{ n: bigint; nulls: bigint; first: Date; inputs: string }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE prediction IS NULL) AS nulls, min(created_at) AS first,
         max(inputs) FILTER (WHERE row_id = 'row-7') AS inputs FROM prediction_log`,
    );
    expect(Number(rows[0].n)).toBe(2500);
    expect(Number(rows[0].nulls)).toBe(1250);
    expect(rows[0].first.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(JSON.parse(rows[0].inputs)).toEqual([7, 'a']);

    store.close();
    store = await Store.open(dir);
    const again = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM prediction_log');
    expect(Number(again?.n)).toBe(2500);
  });

  it('keeps writing after a batch fails', async () => {
    const errors: unknown[] = [];
    const log = new PredictionLog(store, (err) => errors.push(err));
    log.add({ ...entry(0), arm: 'direct', modelVersion: Number.NaN }); // not an INTEGER: the batch fails
    await expect(log.flush()).rejects.toThrow();
    log.add(entry(99_999));
    await log.flush();
    const row = await store.one<{ n: bigint }>(
      "SELECT count(*) AS n FROM prediction_log WHERE row_id = 'row-99999'",
    );
    expect(Number(row?.n)).toBe(1);
  });

  it('writes the same values whether a batch goes packed or, with a separator in a label, as data chunks', async () => {
    const odd = (i: number, label: string, path: string): LogEntry => ({
      ...entry(i),
      rowId: `odd-${path}-${i}`,
      modelName: 'name with , "quotes" and ünïcode',
      inputs: JSON.stringify([i + 0.1, null, 'x\ty', 'line\nbreak']),
      prediction: i === 0 ? '' : i === 1 ? null : label,
      proba: i === 2 ? null : JSON.stringify({ a: 1 / 3, b: 2 / 3 }),
      latencyMs: 0.1 + i / 7,
      timeMs: Date.UTC(2026, 5, 1) + i + 0.25,
    });
    const log = new PredictionLog(store);
    for (let i = 0; i < 4; i++) log.add(odd(i, 'plain', 'packed'));
    await log.flush();
    for (let i = 0; i < 4; i++) log.add(odd(i, 'sep\x1farated', 'chunks'));
    await log.flush();
    const rows = await store.all<Record<string, string | null>>(
      `SELECT row_id, model_id, model_name, model_version::VARCHAR AS version, arm, input_hash, inputs::VARCHAR AS inputs,
         prediction, proba::VARCHAR AS proba, latency_ms::VARCHAR AS latency, epoch_us(created_at)::VARCHAR AS at
       FROM prediction_log WHERE row_id LIKE 'odd-%' ORDER BY row_id`,
    );
    const packedRows = rows.filter((r) => r.row_id?.startsWith('odd-packed-'));
    const chunkRows = rows.filter((r) => r.row_id?.startsWith('odd-chunks-'));
    expect(packedRows).toHaveLength(4);
    expect(chunkRows).toHaveLength(4);
    const strip = ({ row_id, prediction, ...rest }: Record<string, string | null>) => rest;
    expect(packedRows.map(strip)).toEqual(chunkRows.map(strip));
    expect(packedRows.map((r) => r.prediction)).toEqual(['', null, 'plain', 'plain']);
    expect(chunkRows.map((r) => r.prediction)).toEqual(['', null, 'sep\x1farated', 'sep\x1farated']);
    expect(packedRows[2].proba).toBeNull();
    expect(JSON.parse(packedRows[0].inputs as string)).toEqual([0.1, null, 'x\ty', 'line\nbreak']);
    expect(packedRows[3].latency).toBe(String(0.1 + 3 / 7));
  });
});
