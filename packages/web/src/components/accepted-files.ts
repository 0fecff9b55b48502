// The file kinds the server reads (docs/api.md, POST /api/datasets). Checked here too so a wrong file gets
// its message before it is uploaded.
export const ACCEPTED_EXTENSIONS = [
  '.csv',
  '.tsv',
  '.txt',
  '.json',
  '.ndjson',
  '.jsonl',
  '.parquet',
  '.xlsx',
];

export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',');

export const ACCEPTED_DESCRIPTION = 'CSV, TSV, TXT, JSON, NDJSON, JSONL, Parquet or Excel (.xlsx)';

export function isAcceptedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function rejectionMessage(name: string): string {
  return `“${name}” is not a file Quarry can read. Choose a ${ACCEPTED_DESCRIPTION} file.`;
}
