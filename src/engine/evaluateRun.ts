/**
 * The engine, pure: sources and config for one period -> scored, tiered and
 * ranked reps, awards and the anomalies found on the way.
 * Roster -> who is scored -> records to reps -> metrics -> targets -> scores
 * -> ranks and tiers -> awards.
 */
import { anomaly, type Anomaly } from "../anomalies/anomaly.js";
import type { Config } from "../config/schema.js";
import { ROSTER, TARGETS } from "../config/scopes.js";
import type { SourceData } from "../ingest/sourceData.js";
import { moneyFixed } from "../commission/minorUnits.js";
import type { Dec } from "../money.js";
import { aggregateMetrics } from "./aggregateMetrics.js";
import type { MetricTable } from "./metricResult.js";
import { assignTiers } from "./assignTiers.js";
import { attributeRecords } from "./attribution.js";
import { computeAwards } from "./awards.js";
import { addDerivedMetrics } from "./derivedMetrics.js";
import { inactiveRepAnomalies } from "./inactiveReps.js";
import { repHeader, rosterLookalikes, unknownRepAnomaly } from "./ownerAnomalies.js";
import type { SourceAggregates } from "./sourceAggregator.js";
import { formatPeriod, periodEnd, tenureMonths, type Period } from "./period.js";
import { competitionRanks, rankReps } from "./rankReps.js";
import { RepMatcher } from "./repMatcher.js";
import { attainmentOf } from "./scoreRep.js";
import { resolveTarget } from "./resolveTarget.js";
import { buildRoster, isEmployedIn, type Rep } from "./roster.js";
import type { EngineResult, RepMetric, RepResult, RunActuals } from "./runResult.js";
import { scoreRep } from "./scoreRep.js";
import { scorecardChooser } from "./selectScorecard.js";
import { buildTargetsIndex } from "./targetsIndex.js";

export interface EngineInput {
  config: Config;
  /** the sources held whole because they are small: the roster and the targets file */
  held: ReadonlyMap<string, SourceData>;
  /** every record source, accumulated while it was read */
  aggregates: ReadonlyMap<string, SourceAggregates>;
  period: Period;
}

export function evaluateRun({ config, held, aggregates, period }: EngineInput): EngineResult {
  const anomalies: Anomaly[] = [];
  const { reps, scored, table } = periodTable({ config, held, aggregates, period });
  const matcher = new RepMatcher(reps, config.sources[ROSTER]?.match ?? []);
  const scoredIds = new Set(scored.map((r) => r.id));
  const formatMoney = (d: Dec) => `${moneyFixed(d, config.currency)} ${config.currency}`;

  const lookalikes = rosterLookalikes(reps, config.sources[ROSTER]?.match ?? []);
  for (const source of aggregates.values()) {
    for (const [raw, seen] of source.unknown) anomalies.push(unknownRepAnomaly(source.source, repHeader(config, source.source), raw, seen, source.hasMoney ? formatMoney(seen.money.total()) : null, lookalikes));
    anomalies.push(...source.ambiguous, ...inactiveRepAnomalies(source, scoredIds, period, formatMoney));
  }
  const targetsSource = held.get(TARGETS);
  const targetsAttribution = targetsSource ? attributeRecords(targetsSource, matcher, repHeader(config, TARGETS)) : undefined;
  anomalies.push(...(targetsAttribution?.anomalies ?? []));

  const targets = buildTargetsIndex(targetsSource, targetsAttribution, new Set(Object.keys(config.metrics)));
  anomalies.push(...targets.anomalies);

  const chooseScorecard = scorecardChooser(config.scorecards);
  const lastDay = periodEnd(period);
  const unranked = scored.map((rep) => {
    const tenure = rep.hired === null ? 0 : tenureMonths(rep.hired, lastDay);
    const card = chooseScorecard({ rep, tenureMonths: tenure });
    // each target is resolved once per rep: the scorecard and the metric table both ask
    const resolved = new Map<string, ReturnType<typeof resolveTarget>>();
    const targetOf = (metric: string) => {
      if (!resolved.has(metric)) resolved.set(metric, resolveTarget(config, targets.index, rep, metric, period));
      return resolved.get(metric) ?? null;
    };
    const scoring = scoreRep(card, config.metrics, (metric) => table.get(metric)?.get(rep.id), targetOf);
    const metrics: Record<string, RepMetric> = {};
    for (const [name, spec] of Object.entries(config.metrics)) {
      const result = table.get(name)?.get(rep.id);
      const target = targetOf(name);
      const actual = result?.actual ?? null;
      const onCard = scoring.rows.find((row) => row.metric === name);
      // the scorecard worked out the attainment of a metric it scored; any other is worked out here
      const attainment =
        onCard?.attainment ?? (actual !== null && target && !target.value.isZero() ? attainmentOf(actual, target.value, spec.better, card.cap).attainment.toNumber() : null);
      metrics[name] = { actual, target: target?.value ?? null, targetSource: target?.source ?? null, attainment, capped: onCard?.capped ?? null, records: result?.records ?? null };
    }
    for (const row of scoring.rows) {
      if (row.excluded === "missing_target") {
        anomalies.push(anomaly({ severity: "warning", code: "missing_target", rep: rep.id, metric: row.metric, message: `${rep.id} has no target for ${row.metric} in ${formatPeriod(period)}; it is left out of the score and the other weights of "${row.dimension}" are scaled up` }));
      } else if (row.excluded === "no_data") {
        anomalies.push(anomaly({ severity: "warning", code: "no_data", rep: rep.id, metric: row.metric, message: `${rep.id} has no value for ${row.metric} in ${formatPeriod(period)} (nothing to average or divide); it is left out of the score` }));
      }
    }
    if (scoring.score === null) {
      anomalies.push(anomaly({ severity: "warning", code: "no_data", rep: rep.id, message: `${rep.id} has no scorable metric in ${formatPeriod(period)}: no score, no tier, ranked last` }));
    }
    return { rep, tenure, card: card.name, scoring, metrics };
  });

  const { ordered, ranks } = rankReps(
    unranked.map((r) => ({
      ...r,
      id: r.rep.id,
      score: r.scoring.score,
      tieBreak: config.ranking.tie_break.map((metric) =>
        metric === "rep" ? { value: null, better: "higher" as const } : { value: r.metrics[metric]?.actual?.toNumber() ?? null, better: config.metrics[metric]?.better ?? "higher" },
      ),
    })),
  );
  const tiers = assignTiers(config.tiers, ordered.map((r) => r.score));
  const results: RepResult[] = ordered.map((r, i) => ({
    rep: r.rep,
    tenureMonths: r.tenure,
    scorecard: r.card,
    score: r.score,
    tier: tiers[i] ?? null,
    rank: ranks[i] ?? i + 1,
    rankWithin: {},
    dimensions: r.scoring.dimensions,
    metrics: r.metrics,
    scorecardRows: r.scoring.rows,
  }));
  for (const column of config.ranking.within) addRanksWithin(results, column);

  const awards = computeAwards(config.awards, config.metrics, results.map((r) => ({ id: r.rep.id, actual: (metric: string) => r.metrics[metric]?.actual ?? null })));
  return { period, reps: results, awards, anomalies };
}

/** The roster, the reps scored in the period (by id), and their metric values (derived ones included). */
function periodTable({ config, held, aggregates, period }: EngineInput): { reps: Rep[]; scored: Rep[]; table: MetricTable } {
  const roster = held.get(ROSTER);
  const reps = roster ? buildRoster(roster) : [];
  const scored = reps.filter((rep) => isEmployedIn(rep, period)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const table = addDerivedMetrics(config, aggregateMetrics({ config, aggregates, scored, period }), scored.map((r) => r.id));
  return { reps, scored, table };
}

/**
 * What a change against a period needs of it: who is scored then and their
 * metric values, without the targets, scores, ranks and tiers of
 * `evaluateRun` (the same values it would give).
 */
export function periodActuals(input: EngineInput): RunActuals {
  const { scored, table } = periodTable(input);
  const names = Object.keys(input.config.metrics);
  return {
    period: input.period,
    reps: scored.map((rep) => ({ rep, metrics: Object.fromEntries(names.map((name) => [name, { actual: table.get(name)?.get(rep.id)?.actual ?? null }])) })),
  };
}

function addRanksWithin(results: RepResult[], column: string): void {
  const groups = new Map<string, RepResult[]>();
  for (const result of results) {
    const key = String(result.rep.attributes.get(column) ?? "");
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  for (const members of groups.values()) {
    const ranks = competitionRanks(members.map((m) => m.score));
    members.forEach((m, i) => (m.rankWithin[column] = ranks[i] ?? i + 1));
  }
}
