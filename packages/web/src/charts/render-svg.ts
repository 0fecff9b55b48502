import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * For tests: compiles with Vega-Lite and renders headless SVG with Vega, collecting every warning — proves a
 * spec is valid, not just well-typed. Not imported by the app.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<{ svg: string; warnings: unknown[] }> {
  // 'container' width needs a DOM element; a fixed width exercises the same marks and scales.
  const fixed = { ...spec, width: 300 } as TopLevelSpec;
  const warnings: unknown[] = [];
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => warnings.push(args),
    warn: (...args: unknown[]) => warnings.push(args),
    info: () => logger,
    debug: () => logger,
  };
  // biome-ignore lint/suspicious/noExplicitAny: vega-lite's Logger interface is wider than this stub needs
  const { spec: vg } = compile(fixed, { logger: logger as any });
  const view = new View(parse(vg), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return { svg, warnings };
}
