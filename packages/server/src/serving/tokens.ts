import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { httpError } from '../errors';
import type { Store } from '../store/db';

export type TokenScope = 'predict' | 'admin';

export interface TokenSummary {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: string;
  revokedAt: string | null;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * API tokens with a scope. Only the SHA-256 of a token is stored; the token itself is shown once, at creation.
 * Live tokens are held in memory (hash → scope) so the guard answers without a database read on every request.
 * The start-up token (config.token) stays valid beside them with full rights.
 */
export class TokenService {
  private live = new Map<string, TokenScope>();

  private constructor(private readonly store: Store) {}

  static async open(store: Store): Promise<TokenService> {
    const service = new TokenService(store);
    const rows = await store.all<{ hash: string; scope: TokenScope }>(
      'SELECT hash, scope FROM api_tokens WHERE revoked_at IS NULL',
    );
    for (const r of rows) service.live.set(r.hash, r.scope);
    return service;
  }

  /** The scope of a live API token, or undefined when `token` is not one. */
  scopeOf(token: string): TokenScope | undefined {
    if (token.length === 0 || this.live.size === 0) return undefined;
    return this.live.get(hashOf(token));
  }

  async create(name: string, scope: TokenScope): Promise<TokenSummary & { token: string }> {
    const id = randomUUID();
    const token = `qk_${randomBytes(32).toString('base64url')}`;
    const hash = hashOf(token);
    await this.store.run('INSERT INTO api_tokens (id, name, scope, hash) VALUES ($1, $2, $3, $4)', [
      id,
      name,
      scope,
      hash,
    ]);
    this.live.set(hash, scope);
    return { ...(await this.get(id)), token };
  }

  async list(): Promise<TokenSummary[]> {
    const rows = await this.store.all<TokenRow>('SELECT * FROM api_tokens ORDER BY created_at DESC');
    return rows.map(toSummary);
  }

  async get(id: string): Promise<TokenSummary> {
    const row = await this.store.one<TokenRow>('SELECT * FROM api_tokens WHERE id = $1', [id]);
    if (row === undefined) throw httpError('TOKEN_NOT_FOUND', { id: id.slice(0, 40) });
    return toSummary(row);
  }

  /** Revokes at once (the in-memory set too); revoking twice is harmless. */
  async revoke(id: string): Promise<TokenSummary> {
    const row = await this.store.one<TokenRow>('SELECT * FROM api_tokens WHERE id = $1', [id]);
    if (row === undefined) throw httpError('TOKEN_NOT_FOUND', { id: id.slice(0, 40) });
    await this.store.run('UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1', [
      id,
    ]);
    this.live.delete(row.hash);
    return this.get(id);
  }
}

interface TokenRow {
  id: string;
  name: string;
  scope: TokenScope;
  hash: string;
  created_at: Date;
  revoked_at: Date | null;
}

const toSummary = (r: TokenRow): TokenSummary => ({
  id: r.id,
  name: r.name,
  scope: r.scope,
  createdAt: r.created_at.toISOString(),
  revokedAt: r.revoked_at === null ? null : r.revoked_at.toISOString(),
});
