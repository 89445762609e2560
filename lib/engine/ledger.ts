// The per-user Buzz ledger. A balance is the starting grant minus debits plus
// credits; a workflow's `transactions` are exactly its ledger rows, so what the
// studio shows and what the engine charged can never disagree.
import type { Db } from "./db";
import { toLedger, type LedgerRow } from "./rows";
import type { LedgerEntry } from "./types";

interface Sums {
  debits: number | null;
  credits: number | null;
  entries: number;
}

export class Ledger {
  constructor(
    private readonly db: Db,
    readonly startingBuzz: number,
  ) {}

  /** Call inside the transaction that creates or settles the workflow it belongs to. */
  add(userId: string, e: LedgerEntry): void {
    this.db
      .prepare(
        "INSERT INTO ledger (user_id, workflow_id, type, amount, created_at, note) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(userId, e.workflowId, e.type, e.amount, e.createdAt, e.note);
  }

  balance(userId: string): number {
    const sums = this.sums(userId);
    return this.startingBuzz - (sums?.debits ?? 0) + (sums?.credits ?? 0);
  }

  /** Entries per workflow, oldest first. */
  entriesOf(workflowIds: string[]): Map<string, LedgerEntry[]> {
    const rows = this.db
      .prepare<[string], LedgerRow>(
        `SELECT workflow_id, type, amount, created_at, note FROM ledger
         WHERE workflow_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
      )
      .all(JSON.stringify(workflowIds));
    const out = new Map<string, LedgerEntry[]>();
    for (const entry of rows.map(toLedger)) {
      const key = entry.workflowId ?? "";
      out.set(key, [...(out.get(key) ?? []), entry]);
    }
    return out;
  }

  /** What GET /_engine/ledger reports for one user. */
  summary(userId: string) {
    const sums = this.sums(userId);
    const counts = this.db
      .prepare<[string], { total: number; live: number }>(
        "SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE deleted_at IS NULL) AS live FROM workflows WHERE user_id = ?",
      )
      .get(userId);
    const debits = sums?.debits ?? 0;
    const credits = sums?.credits ?? 0;
    return {
      startingBalance: this.startingBuzz,
      debits,
      credits,
      balance: this.startingBuzz - debits + credits,
      entries: sums?.entries ?? 0,
      workflows: counts?.total ?? 0,
      liveWorkflows: counts?.live ?? 0,
    };
  }

  private sums(userId: string): Sums | undefined {
    return this.db
      .prepare<[string], Sums>(
        `SELECT SUM(CASE WHEN type = 'debit' THEN amount END) AS debits,
                SUM(CASE WHEN type = 'credit' THEN amount END) AS credits, COUNT(*) AS entries
         FROM ledger WHERE user_id = ?`,
      )
      .get(userId);
  }
}
