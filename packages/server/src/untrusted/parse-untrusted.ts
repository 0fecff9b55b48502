import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileFormat } from '../datasets/formats';
import type { ParsedFile } from '../datasets/ingest';
import { catalog, type ErrorCode, httpError } from '../errors';
import type { ParseRequest, ParseResult } from './convert';
import { type ParseLimits, parseLimits } from './limits';
import { prepareSpare, takeParser } from './parser-process';

export interface ParsedUpload extends ParsedFile {
  /** Deletes the intermediate and the scratch directory (always call it, in a finally). */
  discard: () => Promise<void>;
}

type Answer =
  | { ready: true }
  | { ok: true; result: ParseResult }
  | { ok: false; code?: string; params?: Record<string, unknown>; reason?: string };

/**
 * Parses an untrusted file in a child process and returns the trusted Parquet intermediate it wrote. DuckDB and
 * exceljs meet the file only there, under a heap cap, DuckDB's memory limit and sandbox, and a wall clock: a
 * crafted file that crashes, exhausts or hangs the parser costs that child, never the server. Catalog errors
 * raised in the child (RAGGED_ROWS, TOO_MANY_COLUMNS…) come back as themselves; a crash is 422 FILE_UNREADABLE,
 * the clock 422 FILE_PARSE_TIMEOUT. The scratch directory is removed on every failure; on success the caller
 * removes it with `discard`.
 */
export async function parseUntrusted(
  input: { path: string; fileName: string; format: FileFormat; tmpDir: string },
  limits: ParseLimits = parseLimits(),
): Promise<ParsedUpload> {
  const scratchDir = join(input.tmpDir, `parse-${randomUUID()}`);
  await mkdir(scratchDir);
  const discard = () => rm(scratchDir, { recursive: true, force: true });
  try {
    const request: ParseRequest = {
      input: input.path,
      fileName: input.fileName,
      format: input.format,
      scratchDir,
      limits,
    };
    const result = await runChild(request, limits);
    return {
      path: result.output,
      fileName: input.fileName,
      names: result.names,
      nRows: result.nRows,
      renames: result.renames,
      discard,
    };
  } catch (err) {
    await discard();
    throw err;
  }
}

/**
 * Parses running now, and the uploads waiting for a turn. Each child may take its heap plus DuckDB's memory
 * limit, so twenty concurrent uploads must not mean twenty children: they queue (the clock starts only when a
 * child has the file).
 */
let running = 0;
const waiting: (() => void)[] = [];

async function runChild(request: ParseRequest, limits: ParseLimits): Promise<ParseResult> {
  // A freed slot passes straight to the next waiter, so a newcomer can never slip in between.
  if (running < limits.maxParallel) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await runChildNow(request, limits);
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

async function runChildNow(request: ParseRequest, limits: ParseLimits): Promise<ParseResult> {
  const { fileName } = request;
  const parser = await takeParser(limits.heapMb);
  const { child } = parser;
  if (!(await parser.ready)) {
    prepareSpare(limits.heapMb);
    const reason = crashReason(child.exitCode, child.signalCode, parser.stderr(), limits);
    throw httpError('FILE_UNREADABLE', { fileName, reason: `the parser did not start (${reason})` });
  }
  return new Promise<ParseResult>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(() =>
        reject(httpError('FILE_PARSE_TIMEOUT', { fileName, seconds: Math.round(limits.timeoutMs / 1000) })),
      );
    }, limits.timeoutMs);
    child.on('message', (answer: Answer) => {
      if ('ready' in answer) return;
      if (answer.ok) settle(() => resolve(answer.result));
      else settle(() => reject(childError(fileName, answer)));
    });
    child.on('exit', (code, signal) => {
      // Wait for the exit even after an answer, so the caller never deletes files the child still holds.
      settle(() =>
        reject(
          httpError('FILE_UNREADABLE', {
            fileName,
            reason: crashReason(code, signal, parser.stderr(), limits),
          }),
        ),
      );
    });
    if (child.exitCode !== null || child.signalCode !== null)
      child.emit('exit', child.exitCode, child.signalCode);
    else child.send(request);
  }).finally(async () => {
    await exited(child);
    prepareSpare(limits.heapMb);
  });
}

/** Resolves once the child has exited (it exits by itself after answering; a stuck one is killed). */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
  });
}

function childError(
  fileName: string,
  answer: { code?: string; params?: Record<string, unknown>; reason?: string },
): Error {
  if (answer.code !== undefined && answer.code in catalog)
    return httpError(answer.code as ErrorCode, { ...answer.params, fileName });
  return httpError('FILE_UNREADABLE', { fileName, reason: answer.reason ?? 'the parser failed' });
}

function crashReason(
  code: number | null,
  signal: NodeJS.Signals | null,
  stderr: string,
  limits: ParseLimits,
): string {
  if (/heap out of memory|Allocation failed/i.test(stderr))
    return `reading it needed more than the ${limits.heapMb} MB memory limit`;
  if (signal !== null) return `the parser stopped with signal ${signal}`;
  return `the parser exited with code ${code} before answering`;
}
