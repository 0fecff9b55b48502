import { describe, expect, it } from 'vitest';
import { minimizeLbfgs, type Objective } from './lbfgs';

// f(x, y) = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1): the classic curved valley.
const rosenbrock: Objective = (x, grad) => {
  const [a, b] = x;
  grad[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  grad[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

describe('minimizeLbfgs', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const result = minimizeLbfgs(rosenbrock, Float64Array.from([-1.2, 1]), { maxIter: 200, gtol: 1e-10 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.nIter).toBeLessThan(100);
  });

  it('solves a convex quadratic in at most a few more iterations than its dimension', () => {
    // f = ½ Σ dᵢ xᵢ² − Σ xᵢ with d = 1..20: minimum at xᵢ = 1/dᵢ.
    const n = 20;
    const quadratic: Objective = (x, grad) => {
      let f = 0;
      for (let i = 0; i < n; i++) {
        const d = i + 1;
        grad[i] = d * x[i] - 1;
        f += 0.5 * d * x[i] * x[i] - x[i];
      }
      return f;
    };
    const result = minimizeLbfgs(quadratic, new Float64Array(n), {
      gtol: 1e-9,
      ftol: 0,
      memory: 20,
      maxIter: 100,
    });
    expect(result.converged).toBe(true);
    result.x.forEach((v, i) => {
      expect(v).toBeCloseTo(1 / (i + 1), 8);
    });
    expect(result.nIter).toBeLessThanOrEqual(n + 5);
  });

  it('stops at maxIter and says it did not converge', () => {
    const result = minimizeLbfgs(rosenbrock, Float64Array.from([-1.2, 1]), { maxIter: 3, gtol: 1e-12 });
    expect(result.converged).toBe(false);
    expect(result.reason).toBe('maxIter');
    expect(result.nIter).toBe(3);
  });

  it('returns at once when the start is already optimal', () => {
    const result = minimizeLbfgs(rosenbrock, Float64Array.from([1, 1]));
    expect(result.nIter).toBe(0);
    expect(result.converged).toBe(true);
  });

  it('can be cancelled', () => {
    const signal = { aborted: true, reason: 'stop' };
    expect(() => minimizeLbfgs(rosenbrock, Float64Array.from([-1.2, 1]), { signal })).toThrow(
      expect.objectContaining({ code: 'ABORTED' }),
    );
  });
});
