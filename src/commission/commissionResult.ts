import type { Dec } from "../money.js";

/** One line of the commission sheet: what finance reconciles to. `amount` is already rounded. */
export interface CommissionLine {
  rep: string;
  plan: string;
  /** the component, or null for the cap adjustment */
  component: string | null;
  /** the record that earned it (per_record), else null */
  record: string | null;
  base: Dec | null;
  rate: Dec | null;
  amount: Dec;
  note: string;
}

export interface RepPayout {
  rep: string;
  /** the plans that applied, in config order (usually one) */
  plans: string[];
  /** component name -> sum of its rounded lines, in plan order */
  components: Map<string, Dec>;
  capAdjustment: Dec;
  /** sum of every line, cap adjustment included */
  total: Dec;
  needsReview: boolean;
  lines: CommissionLine[];
}

export interface CommissionResult {
  /** every component name of every plan, in config order (the Commissions sheet's columns) */
  componentNames: string[];
  /** rep id -> payout, for every scored rep (a rep no plan applies to has an empty payout) */
  reps: Map<string, RepPayout>;
  /** sum of every line of every rep */
  grandTotal: Dec;
}
