// The contract between the bench harness (bench/main.ts) and each scenario module
// (bench/scenarios/<name>.ts). See bench/README.md.

/** A summary of repeated measurements. `unit` says what the numbers are; lower is better for every unit. */
export interface Stats {
  unit: 'ms' | 'MB' | 'KB';
  /** How many measured samples (warm-up runs excluded). */
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export interface BenchRow {
  /** The scenario's name (the harness fills it in when left empty). */
  scenario: string;
  /** What was measured within the scenario, e.g. `10k lines`. */
  case: string;
  ours: Stats;
  /** The reference the row is judged against, measured in the same run on the same machine. */
  anchor?: { name: string; stats: Stats };
  /** ours.median / anchor.median; the harness computes it when both are present and it is left out. */
  ratio?: number;
  /** The ratio the row should stay under (e.g. 2 for "within 2× of ripgrep"); shown as ok / MISSED. */
  goal?: number;
  /** Peak resident memory of our process for this row, in MB. */
  rssMB?: number;
  note?: string;
}

export interface ScenarioOptions {
  /** `--quick`: smaller inputs and fewer runs; the whole bench must finish in under a minute. */
  quick: boolean;
  /** The repository root (dist/ is built before scenarios run). */
  root: string;
  /** A scratch folder for generated inputs (bench/out/, git-ignored); reuse what is already there. */
  outDir: string;
  /** Progress lines (stderr), not part of the results. */
  log(message: string): void;
}

export interface Scenario {
  name: string;
  /** One line for the README and RESULTS.md. */
  description: string;
  run(opts: ScenarioOptions): Promise<BenchRow[]>;
}
