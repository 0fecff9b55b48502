import { Matrix } from '../../src/core/matrix';
import { Rng } from '../../src/core/rng';

/** A seeded anomaly data set: rows and labels (1 = planted anomaly). */
export interface AnomalySet {
  X: Matrix;
  y: Int32Array;
}

/** A standard normal draw (Box–Muller). */
function gaussian(rng: Rng): number {
  const u = 1 - rng.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextFloat());
}

/** `count` rows at 5–7 `spread`s from `centre` in random directions: odd for the neighbourhood, not globally. */
function shell(rng: Rng, centre: number[], spread: number, count: number): number[][] {
  return Array.from({ length: count }, () => {
    const direction = centre.map(() => gaussian(rng));
    const norm = Math.hypot(...direction);
    const radius = spread * (5 + 2 * rng.nextFloat());
    return centre.map((c, j) => c + (direction[j] / norm) * radius);
  });
}

/** `count` rows in a tight ball around `centre` (a "ring" of anomalies, which hides from neighbour-based scores). */
function ball(rng: Rng, centre: number[], spread: number, count: number): number[][] {
  return Array.from({ length: count }, () => centre.map((c) => c + spread * gaussian(rng)));
}

/** `count` rows uniform in the box [lo, hi]^p. */
function scattered(rng: Rng, p: number, lo: number, hi: number, count: number): number[][] {
  return Array.from({ length: count }, () =>
    Array.from({ length: p }, () => lo + (hi - lo) * rng.nextFloat()),
  );
}

function shuffled(normal: number[][], anomalies: number[][], rng: Rng): AnomalySet {
  const rows = [...normal, ...anomalies];
  const order = rng.permutation(rows.length);
  return {
    X: Matrix.fromRows(Array.from(order, (i) => rows[i])),
    y: Int32Array.from(order, (i) => (i >= normal.length ? 1 : 0)),
  };
}

/**
 * One correlated 4-D Gaussian blob (x1 ≈ 0.8·x0, x3 ≈ −0.7·x2) holding a dense clump of normal rows, with three
 * kinds of anomaly (15 each, 4.3% of rows): local ones just outside the clump, a tight group far from the blob, and
 * rows scattered over a box.
 */
export function blobWithMixedAnomalies(seed: number): AnomalySet {
  const rng = new Rng(seed);
  const normal: number[][] = [];
  for (let i = 0; i < 700; i++) {
    const a = gaussian(rng);
    const b = gaussian(rng);
    normal.push([a, 0.8 * a + 0.6 * gaussian(rng), b, -0.7 * b + 0.7 * gaussian(rng)]);
  }
  const clump = [1.5, 1.5, -1, 1];
  normal.push(...ball(rng, clump, 0.15, 300));
  const anomalies = [
    ...shell(rng, clump, 0.15, 15),
    ...ball(rng, [4, -4, 3, 3], 0.2, 15),
    ...scattered(rng, 4, -6, 6, 15),
  ];
  return shuffled(normal, anomalies, rng);
}

/**
 * Three 3-D clusters of different spreads (0.4, 1.5, 1.0), 300 rows each, with three kinds of anomaly (45 rows,
 * 4.8%): 15 local ones around the tight cluster, a tight group of 20 far from every cluster, and 10 scattered.
 */
export function clustersWithMixedAnomalies(seed: number): AnomalySet {
  const rng = new Rng(seed);
  const centres = [
    [0, 0, 0],
    [6, 6, 0],
    [0, 7, 5],
  ];
  const spreads = [0.4, 1.5, 1.0];
  const normal = centres.flatMap((centre, c) => ball(rng, centre, spreads[c], 300));
  const anomalies = [
    ...shell(rng, centres[0], 0.4, 15),
    ...ball(rng, [14, -6, 10], 0.3, 20),
    ...scattered(rng, 3, -6, 14, 10),
  ];
  return shuffled(normal, anomalies, rng);
}

/** Only one kind of anomaly: three clusters as above with 30 local anomalies around the tight cluster. */
export function clustersWithLocalAnomalies(seed: number): AnomalySet {
  const rng = new Rng(seed);
  const centres = [
    [0, 0, 0],
    [6, 6, 0],
    [0, 7, 5],
  ];
  const spreads = [0.4, 1.5, 1.0];
  const normal = centres.flatMap((centre, c) => ball(rng, centre, spreads[c], 300));
  return shuffled(normal, shell(rng, centres[0], 0.4, 30), rng);
}
