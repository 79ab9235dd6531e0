/**
 * `results.json`: every number of the run as plain data, byte-identical for
 * the same inputs, config and period. Money is a decimal string, other
 * numbers are JSON numbers (scores and attainments unrounded), missing is null.
 */
import { formatPeriod } from "../engine/period.js";
import type { RunOutcome } from "../runOutcome.js";
import { moneyFixed } from "../commission/minorUnits.js";
import type { Dec } from "../money.js";
import { metricJson } from "./formatValues.js";

export function resultsJson(outcome: RunOutcome): string {
  const { config } = outcome.loaded;
  const sources: Record<string, unknown> = {};
  for (const [name, source] of outcome.ingested.sources) sources[name] = { files: source.files, ...source.accounting };
  const document = {
    version: 1,
    kpi_version: outcome.version,
    config: { file: outcome.loaded.file, sha256: outcome.loaded.sha256, name: config.name ?? null },
    period: formatPeriod(outcome.period),
    currency: config.currency,
    reps: outcome.engine.reps.map((r) => ({
      rep: r.rep.id,
      name: r.rep.name,
      team: r.rep.team,
      region: r.rep.region,
      role: r.rep.role,
      tenure_months: r.tenureMonths,
      scorecard: r.scorecard,
      score: r.score,
      tier: r.tier,
      rank: r.rank,
      dimensions: r.dimensions,
      rank_within: r.rankWithin,
      metrics: Object.fromEntries(
        Object.entries(r.metrics).map(([name, m]) => [
          name,
          { actual: metricJson(config, name, m.actual), target: metricJson(config, name, m.target), target_source: m.targetSource, attainment: m.attainment, capped: m.capped, records: m.records },
        ]),
      ),
      payout: payoutJson(outcome, r.rep.id),
      scorecard_rows: r.scorecardRows.map((row) => ({ dimension: row.dimension, metric: row.metric, weight: row.weight, points: row.points, excluded: row.excluded })),
    })),
    awards: outcome.engine.awards.map((a) => ({ award: a.award, rep: a.rep, value: metricJson(config, config.awards.find((x) => x.name === a.award)?.by ?? "", a.value) })),
    commission: outcome.commission ? { components: outcome.commission.componentNames, grand_total: money(outcome, outcome.commission.grandTotal) } : null,
    anomalies: outcome.anomalies,
    sources,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function money(outcome: RunOutcome, d: Dec): string {
  return moneyFixed(d, outcome.loaded.config.currency);
}

function payoutJson(outcome: RunOutcome, rep: string): unknown {
  const payout = outcome.commission?.reps.get(rep);
  if (!payout) return null;
  const m = (d: Dec | null) => (d === null ? null : money(outcome, d));
  return {
    total: m(payout.total),
    components: Object.fromEntries([...payout.components].map(([name, amount]) => [name, m(amount)])),
    cap_adjustment: m(payout.capAdjustment),
    needs_review: payout.needsReview,
    plans: payout.plans,
    lines: payout.lines.map((l) => ({ plan: l.plan, component: l.component, record: l.record, base: m(l.base), rate: l.rate === null ? null : l.rate.toNumber(), amount: m(l.amount), note: l.note })),
  };
}
