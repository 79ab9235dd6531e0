/**
 * User rules (SPEC §3 anomalies.rules): one anomaly, with the rule's
 * severity, for each rule and rep for which `when` holds. `when` sees score,
 * tier, dimension., metric., attainment. and change.; null counts as false.
 */
import type { AnomaliesConfig } from "../config/schema.js";
import { compileResultExpression } from "../engine/resultExpression.js";
import type { RepResult } from "../engine/runResult.js";
import { isTrue } from "../expr/isTrue.js";
import { anomaly, type Anomaly } from "./anomaly.js";

export type AnomalyRule = AnomaliesConfig["rules"][number];

export function ruleAnomalies(rules: readonly AnomalyRule[], reps: readonly RepResult[], changes: ReadonlyMap<string, ReadonlyMap<string, number | null>>): Anomaly[] {
  return rules.flatMap((rule) => {
    const when = compileResultExpression(rule.when);
    const message = rule.message.trim() === "" ? rule.name : `${rule.name}: ${rule.message}`;
    return reps
      .filter((rep) => isTrue(when({ rep, change: changes.get(rep.rep.id) ?? new Map() })))
      .map((rep) => anomaly({ severity: rule.severity, code: "rule", rep: rep.rep.id, message }));
  });
}
