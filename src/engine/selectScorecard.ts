/** The first scorecard whose `applies_to` holds for a rep (the last has none and takes everyone else). */
import type { ScorecardConfig } from "../config/schema.js";
import { compileExpression } from "../expr/compileExpression.js";
import { isTrue } from "../expr/isTrue.js";
import { parseExpression } from "../expr/parseExpression.js";
import { Dec } from "../money.js";
import type { Rep } from "./roster.js";

export interface RepFacts {
  rep: Rep;
  tenureMonths: number;
}

export type RepPredicate = (facts: RepFacts) => boolean;

/** Compile an expression over roster columns and tenure_months. */
export function compileRepPredicate(text: string | undefined): RepPredicate {
  if (text === undefined) return () => true;
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(`internal: "${text}" passed the config checks but does not parse`);
  const fn = compileExpression<RepFacts>(parsed.expr, (ref) => {
    if (ref.kind !== "name") return () => null;
    if (ref.name === "tenure_months") return (facts) => new Dec(facts.tenureMonths);
    return (facts) => facts.rep.attributes.get(ref.name) ?? null;
  });
  return (facts) => isTrue(fn(facts));
}

export function scorecardChooser(cards: readonly ScorecardConfig[]): (facts: RepFacts) => ScorecardConfig {
  const compiled = cards.map((card) => ({ card, applies: compileRepPredicate(card.applies_to) }));
  return (facts) => {
    const hit = compiled.find((c) => c.applies(facts));
    const fallback = cards[cards.length - 1];
    if (hit) return hit.card;
    if (!fallback) throw new Error("internal: a config without scorecards passed the checks");
    return fallback;
  };
}
