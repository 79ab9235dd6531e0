/**
 * The commission stage, pure: scored reps -> payout lines. For each rep, each
 * plan that applies computes its components in order (each line rounded to
 * the currency's minor unit), then the gate (non-ungated lines kept at 0 with
 * a note of what they would have paid), then the cap (one negative
 * adjustment line). Every total is a sum of rounded lines.
 */
import { anomaly, type Anomaly } from "../anomalies/anomaly.js";
import type { ComponentConfig, Config, PlanConfig } from "../config/schema.js";
import { isTrue } from "../expr/isTrue.js";
import { Dec, ZERO } from "../money.js";
import { formatPeriod } from "../engine/period.js";
import { compileResultExpression, type ResultFn } from "../engine/resultExpression.js";
import type { EngineResult, RepResult } from "../engine/runResult.js";
import type { SourceAggregates } from "../engine/sourceAggregator.js";
import { compileRepPredicate, type RepPredicate } from "../engine/selectScorecard.js";
import type { CommissionLine, CommissionResult, RepPayout } from "./commissionResult.js";
import { perRecordIndex, type PerRecordIndex } from "./perRecordCommission.js";
import { groupThousands } from "../util/groupThousands.js";
import { moneyFixed } from "./minorUnits.js";
import { roundMoney } from "./roundMoney.js";
import { tieredCommission } from "./tieredCommission.js";

export interface CommissionInput {
  config: Config;
  engine: EngineResult;
  /** the record sources as accumulated while read (per_record candidates) */
  aggregates: ReadonlyMap<string, SourceAggregates>;
  /** rep ids named by an error anomaly */
  needsReview: ReadonlySet<string>;
}

interface CompiledPlan {
  plan: PlanConfig;
  applies: RepPredicate;
  gate: ResultFn | null;
  components: { component: ComponentConfig; when: ResultFn | null; table: { when: ResultFn; factor: Dec }[]; records: PerRecordIndex | null }[];
}

interface Draft extends CommissionLine {
  ungated: boolean;
}

export function computeCommission(input: CommissionInput): { result: CommissionResult; anomalies: Anomaly[] } {
  const { config, engine } = input;
  const anomalies: Anomaly[] = [];
  const plans = (config.commission?.plans ?? []).map((plan, p) => compilePlan(plan, p, input));
  const componentNames = [...new Set(plans.flatMap((p) => p.plan.components.map((c) => c.name)))];
  const reps = new Map<string, RepPayout>();
  let grandTotal = ZERO;
  for (const rep of engine.reps) {
    const lines: CommissionLine[] = [];
    const applied: string[] = [];
    for (const plan of plans) {
      if (!plan.applies({ rep: rep.rep, tenureMonths: rep.tenureMonths })) continue;
      applied.push(plan.plan.name);
      lines.push(...planLines(plan, rep, input, anomalies));
    }
    const components = new Map<string, Dec>();
    let capAdjustment = ZERO;
    for (const line of lines) {
      if (line.component === null) capAdjustment = capAdjustment.plus(line.amount);
      else components.set(line.component, (components.get(line.component) ?? ZERO).plus(line.amount));
    }
    const total = lines.reduce((sum, line) => sum.plus(line.amount), ZERO);
    grandTotal = grandTotal.plus(total);
    reps.set(rep.rep.id, { rep: rep.rep.id, plans: applied, components, capAdjustment, total, needsReview: input.needsReview.has(rep.rep.id), lines });
  }
  return { result: { componentNames, reps, grandTotal }, anomalies };
}

function compilePlan(plan: PlanConfig, planIndex: number, input: CommissionInput): CompiledPlan {
  return {
    plan,
    applies: compileRepPredicate(plan.applies_to),
    gate: plan.gate === undefined ? null : compileResultExpression(plan.gate),
    components: plan.components.map((component, c) => ({
      component,
      when: component.type === "bonus" ? compileResultExpression(component.when) : null,
      table: component.type === "multiplier" ? component.table.map((row) => ({ when: compileResultExpression(row.when), factor: new Dec(String(row.factor)) })) : [],
      records: component.type === "per_record" ? perRecordIndex(component, `${planIndex}:${c}`, input.aggregates, input.engine.period) : null,
    })),
  };
}

function planLines(compiled: CompiledPlan, rep: RepResult, input: CommissionInput, anomalies: Anomaly[]): CommissionLine[] {
  const { config } = input;
  const round = (d: Dec) => roundMoney(d, config.currency, config.rounding);
  const money = (d: Dec) => groupThousands(moneyFixed(d, config.currency));
  const id = rep.rep.id;
  const drafts: Draft[] = [];
  const line = (component: ComponentConfig, fields: Partial<CommissionLine> & { amount: Dec; note: string }): Draft => ({
    rep: id, plan: compiled.plan.name, component: component.name, record: null, base: null, rate: null, ungated: component.ungated, ...fields, amount: round(fields.amount),
  });

  for (const { component, when, table, records } of compiled.components) {
    switch (component.type) {
      case "tiered": {
        const metric = rep.metrics[component.base];
        const actual = metric?.actual ?? null;
        let scale: Dec = new Dec(1);
        if (component.basis === "attainment") {
          if (!metric?.target || metric.target.isZero()) {
            anomalies.push(anomaly({ severity: "warning", code: "missing_target", rep: id, metric: component.base, message: `${id} has no ${component.base} target in ${formatPeriod(input.engine.period)}, so "${component.name}" pays 0` }));
            drafts.push(line(component, { base: actual, amount: ZERO, note: `no ${component.base} target: pays 0` }));
            break;
          }
          scale = metric.target;
        }
        const bands = component.tiers.map((t) => ({ upto: t.upto === undefined ? null : new Dec(String(t.upto)), rate: new Dec(String(t.rate)) }));
        const slices = actual === null ? [] : tieredCommission(actual, bands, scale, component.mode, money);
        if (slices.length === 0) drafts.push(line(component, { base: actual, amount: ZERO, note: "nothing to pay on" }));
        for (const s of slices) drafts.push(line(component, { base: s.base, rate: s.rate, amount: s.amount, note: s.note }));
        break;
      }
      case "per_record":
        for (const record of records?.get(id) ?? []) {
          drafts.push(line(component, { record: record.label, base: record.value, rate: record.rate, amount: record.amount, note: record.note }));
        }
        break;
      case "bonus":
        if (when && isTrue(when({ rep }))) drafts.push(line(component, { amount: new Dec(String(component.amount)), note: `${component.when} holds` }));
        break;
      case "multiplier": {
        const hit = table.find((row) => isTrue(row.when({ rep })));
        if (!hit || hit.factor.eq(1)) break;
        const before = drafts.reduce((sum, d) => sum.plus(d.amount), ZERO);
        const rate = hit.factor.minus(1);
        drafts.push(line(component, { base: before, rate, amount: before.times(rate), note: `× ${hit.factor.toString()} on the ${money(before)} above (${component.table[table.indexOf(hit)]?.when})` }));
        break;
      }
    }
  }

  if (compiled.gate && !isTrue(compiled.gate({ rep }))) {
    for (const d of drafts) {
      if (d.ungated || d.amount.isZero()) continue;
      d.note = `gate "${compiled.plan.gate}" not met: would have paid ${money(d.amount)}; ${d.note}`;
      d.amount = ZERO;
    }
  }
  const lines: CommissionLine[] = drafts.map(({ ungated: _ungated, ...rest }) => rest);
  if (compiled.plan.cap !== undefined) {
    const cap = round(new Dec(String(compiled.plan.cap)));
    const total = lines.reduce((sum, l) => sum.plus(l.amount), ZERO);
    if (total.gt(cap)) {
      lines.push({ rep: id, plan: compiled.plan.name, component: null, record: null, base: total, rate: null, amount: cap.minus(total), note: `plan "${compiled.plan.name}" pays at most ${money(cap)}; earned ${money(total)}` });
    }
  }
  return lines;
}

