import { mkdirSync, writeFileSync } from 'node:fs';
import { table } from './stats.js';

export interface Table {
  title: string;
  rows: (string | number)[][];
}

/** What a case hands back: tables for stdout, notes on method, and its figures for the JSON file. */
export interface CaseOutput<Data = Record<string, unknown>> {
  name: string;
  tables: Table[];
  notes: string[];
  data: Data;
}

export interface Target {
  target: string;
  goal: string;
  measured: string;
  pass: boolean | null;
}

export function printCase(output: CaseOutput): void {
  for (const t of output.tables) {
    console.log(`\n${t.title}\n`);
    console.log(table(t.rows));
  }
  if (output.notes.length > 0) console.log(`\n${output.notes.map((n) => `  ${n}`).join('\n')}`);
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** bench/results/<case>-<timestamp>.json (gitignored). */
export function writeResult(name: string, body: unknown): string {
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${name}-${stamp()}.json`;
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}

export const fmt = (n: number, digits = 1) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }) : 'n/a';
