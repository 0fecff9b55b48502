import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { QUARRY_BIN } from '../../test/child-server';
import { tempDir } from '../../test/helpers';
import { syntheticLongCsv } from '../forecasting/synthetic';

const run = promisify(execFile);
const quarry = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, [QUARRY_BIN, ...args], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('quarry forecast', () => {
  it('forecasts a long-format CSV of 3 series with intervals, the same twice', async () => {
    const dir = tempDir();
    const data = join(dir, 'stores.csv');
    await writeFile(data, syntheticLongCsv());
    const args = ['forecast', '--data', data, '--time', 'date', '--value', 'sales', '--id', 'store'];
    const common = ['--horizon', '14', '--models', 'snaive,naive,theta,ses', '--threads', '1'];
    const res = await quarry(...args, ...common, '--out', join(dir, 'a.csv'), '--json');
    expect(res.code, res.stderr).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]);
    expect(summary).toMatchObject({
      format: 'long',
      series: 3,
      failed: 0,
      horizon: 14,
      season: 7,
      frequency: 'daily',
    });
    expect(Object.values(summary.chosen).reduce((a, b) => (a as number) + (b as number), 0)).toBe(3);
    const csv = (await readFile(join(dir, 'a.csv'), 'utf8')).trim().split('\r\n');
    expect(csv[0]).toBe('id,time,step,model,forecast,lo_80,hi_80,lo_95,hi_95');
    expect(csv).toHaveLength(1 + 3 * 14);
    const [, , , , f, lo80, hi80, lo95, hi95] = csv[1].split(',').map(Number);
    expect(lo95).toBeLessThanOrEqual(lo80);
    expect(lo80).toBeLessThan(f);
    expect(hi80).toBeGreaterThan(f);
    expect(hi95).toBeGreaterThanOrEqual(hi80);

    // Detected columns, positional file, same seed: the identical file.
    const again = await quarry('forecast', data, ...common, '--seed', '42', '--out', join(dir, 'b.csv'));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Forecast 3 of 3 series 14 steps ahead');
    expect(await readFile(join(dir, 'b.csv'), 'utf8')).toBe(await readFile(join(dir, 'a.csv'), 'utf8'));
  });

  it('reads the M4 wide layout, writes id,F1..FH and scores against a test file', async () => {
    const dir = tempDir();
    const train = ['"V1","V2","V3"'];
    const test = ['"V1","V2"'];
    for (let s = 0; s < 3; s++) {
      const values = Array.from(
        { length: 96 + 24 * s },
        (_, t) => 100 + s * 10 + 20 * Math.sin((2 * Math.PI * t) / 24) + (t % 5),
      );
      const future = Array.from({ length: 12 }, (_, k) => {
        const t = values.length + k;
        return 100 + s * 10 + 20 * Math.sin((2 * Math.PI * t) / 24) + (t % 5);
      });
      train.push([`"H${s + 1}"`, ...values.map((v) => `"${v}"`), '""', '""'].join(','));
      test.push([`"H${s + 1}"`, ...future.map((v) => `"${v}"`)].join(','));
    }
    await writeFile(join(dir, 'Hourly-train.csv'), train.join('\n'));
    await writeFile(join(dir, 'Hourly-test.csv'), test.join('\n'));
    const res = await quarry(
      'forecast',
      '--format',
      'm4',
      join(dir, 'Hourly-train.csv'),
      '--horizon',
      '12',
      '--models',
      'snaive,naive',
      '--test',
      join(dir, 'Hourly-test.csv'),
      '--out',
      join(dir, 'f.csv'),
      '--json',
    );
    expect(res.code, res.stderr).toBe(0);
    const summary = JSON.parse(res.stdout);
    expect(summary).toMatchObject({
      format: 'wide',
      series: 3,
      season: 24,
      horizon: 12,
      chosen: { snaive: 3 },
    });
    expect(summary.scores.scored).toBe(3);
    expect(Object.keys(summary.scores.coverage)).toEqual(['80', '95']);
    expect(summary.scores.coverage['95']).toBeGreaterThanOrEqual(summary.scores.coverage['80']);
    // A strong daily cycle: seasonal naive beats Naive2 (OWA < 1), and Naive2's own scores are reported.
    expect(summary.scores.owa).toBeLessThan(1);
    expect(summary.scores.naive2.smape).toBeGreaterThan(summary.scores.smape);
    const out = (await readFile(join(dir, 'f.csv'), 'utf8')).trim().split('\n');
    expect(out[0]).toBe(`id,${Array.from({ length: 12 }, (_, h) => `F${h + 1}`).join(',')}`);
    expect(out.map((l) => l.split(',')[0])).toEqual(['id', '"H1"', '"H2"', '"H3"']);
  });

  it('says what is wrong: usage (exit 2) and data (exit 1, with the code)', async () => {
    const dir = tempDir();
    const data = join(dir, 'stores.csv');
    await writeFile(data, syntheticLongCsv({ series: 1, days: 30 }));
    const noHorizon = await quarry('forecast', data);
    expect(noHorizon.code).toBe(2);
    expect(noHorizon.stderr).toContain('--horizon');
    const badModel = await quarry('forecast', data, '--horizon', '3', '--model', 'prophet');
    expect(badModel.code).toBe(2);
    expect(badModel.stderr).toContain('--model must be auto or one of');
    const tooLong = await quarry('forecast', data, '--horizon', '20');
    expect(tooLong.code).toBe(1);
    expect(tooLong.stderr).toContain('[HORIZON_OUT_OF_RANGE]');
  });
});
