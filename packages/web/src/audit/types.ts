/** One row of GET /api/audit (server: audit/audit-log.ts). */
export interface AuditEntry {
  id: number;
  at: string;
  action: 'upload' | 'import' | 'delete' | 'promote' | 'token.success' | 'token.failure' | 'refused';
  outcome: 'ok' | 'refused';
  code: string | null;
  method: string;
  route: string;
  target: string | null;
  remote: string | null;
}
