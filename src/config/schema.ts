/**
 * The config language as one zod schema: the single source of truth for the
 * config's types (`Config` below) and for the JSON Schema (`kpi schema`).
 * Semantic rules that need more than one key at a time live in
 * `semanticChecks.ts`.
 */
import { z } from "zod";

const name = z.string().min(1);
const expression = (what: string) => z.string().min(1).describe(`An expression (${what}). Quote it when it holds a comma, a colon or starts with a quote.`);
/** Money and other exact numbers: a YAML number or a decimal string. */
const decimal = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, "a decimal number such as 1200 or 0.04")])
  .describe("An exact number: 1200, 0.04 or \"1200.00\".");
const share = z
  .union([z.number().min(0).max(1), z.string().regex(/^\d+(\.\d+)?%$/, "a percentage such as 20%")])
  .describe("A share: 0.2 or \"20%\".");

export const columnTypes = ["string", "number", "integer", "money", "percent", "date", "datetime", "boolean"] as const;

export const ColumnSchema = z
  .object({
    from: z.string().min(1).optional().describe("Header of the column in the file (default: the column's own name)."),
    type: z.enum(columnTypes).default("string").describe("How the cell is read and checked."),
    format: z.string().min(1).optional().describe("Date format tried before ISO, e.g. MM/DD/YYYY."),
    decimal: z.enum([".", ","]).optional().describe("Decimal separator of numbers (\",\" reads 1.234,5)."),
    default: z.union([z.string(), z.number(), z.boolean()]).optional().describe("Value for every row when the file lacks the column or the cell is empty."),
    required: z.boolean().optional().describe("An empty cell rejects the row (default: true for the key, rep and date columns)."),
  })
  .strict();

/** `amount: "Amount"` is short for `amount: { from: "Amount" }`. */
const ColumnEntry = z.union([
  z
    .string()
    .min(1)
    .transform((from): z.output<typeof ColumnSchema> => ({ from, type: "string" })),
  ColumnSchema,
]);

export const encodings = ["auto", "utf-8", "gbk", "gb18030", "utf-16le", "latin1"] as const;
export const delimiters = ["auto", ",", ";", "\t", "|"] as const;

export const SourceSchema = z
  .object({
    path: z.string().min(1).describe("File or glob, relative to the config file."),
    sheet: z.string().min(1).optional().describe("xlsx: sheet name (default: the first visible sheet)."),
    header_row: z.number().int().positive().optional().describe("Row holding the headers (default: the first non-empty row)."),
    encoding: z.enum(encodings).default("auto").describe("Text encoding of a CSV."),
    delimiter: z.enum(delimiters).default("auto").describe("Field delimiter of a CSV."),
    key: z.string().min(1).optional().describe("Column that identifies a record; duplicates are reported."),
    match: z.array(z.string().min(1)).optional().describe("roster only: also match sources' rep values against these roster columns."),
    null_values: z.array(z.string()).optional().describe("Cell texts read as empty, e.g. [\"-\", \"N/A\", \"null\"]."),
    columns: z.record(z.string().min(1), ColumnEntry).describe("Column name -> where it comes from and its type."),
  })
  .strict();

export const aggregates = ["sum", "count", "count_distinct", "avg", "min", "max"] as const;
export const units = ["money", "count", "percent", "days", "number"] as const;

export const MetricSchema = z
  .object({
    label: z.string().optional().describe("Name shown in reports."),
    source: z.string().min(1).optional().describe("Source the metric aggregates (omit for a formula)."),
    where: expression("over the source's columns").optional().describe("Only records for which this holds count."),
    date: z.string().min(1).optional().describe("Date column that places a record in a period."),
    aggregate: z.enum(aggregates).optional().describe("How records are combined."),
    value: expression("over the source's columns").optional().describe("What is summed / averaged / counted distinct."),
    formula: expression("over other metrics").optional().describe("A derived metric computed from other metrics."),
    better: z.enum(["higher", "lower"]).default("higher").describe("Direction of improvement."),
    unit: z.enum(units).optional().describe("How the metric is shown."),
    level: z.enum(["rep", "team"]).default("rep").describe("team: aggregate per team and give every member the team's value."),
  })
  .strict();

const TargetObjectSchema = z
  .object({
    default: decimal.optional().describe("Target for one period of the config's grain."),
    by_role: z.record(z.string(), decimal).optional(),
    by_team: z.record(z.string(), decimal).optional(),
    by_region: z.record(z.string(), decimal).optional(),
    prorate: z.boolean().default(false).describe("Scale by the share of the period the rep was employed."),
  })
  .strict();
type TargetObject = z.output<typeof TargetObjectSchema>;

/** `visits: 40` is short for `visits: { default: 40 }`. */
export const TargetSchema = z.union([decimal.transform((value): TargetObject => ({ default: value, prorate: false })), TargetObjectSchema]);

export const DimensionSchema = z
  .object({
    weight: z.number().describe("Weight of the dimension (relative to the others)."),
    metrics: z.record(z.string().min(1), z.number()).describe("Metric -> weight inside the dimension."),
  })
  .strict();

export const ScorecardSchema = z
  .object({
    name,
    applies_to: expression("over roster columns and tenure_months").optional().describe("Reps this scorecard is for; the last scorecard has none."),
    cap: z.number().positive().default(1.5).describe("Attainment cap for every metric of this scorecard."),
    dimensions: z.record(z.string().min(1), DimensionSchema),
  })
  .strict();

const ThresholdTier = z.object({ name, min: z.number().optional().describe("Lowest score of the tier; the last tier has none.") }).strict();
const DistributionTiers = z
  .object({ distribution: z.record(z.string().min(1), share).describe("Tier -> share of scored reps, best tier first.") })
  .strict();
export const TiersSchema = z.union([z.array(ThresholdTier).min(1), DistributionTiers]);

export const RankingSchema = z
  .object({
    tie_break: z.array(z.string().min(1)).default([]).describe("Metrics (or `rep`) that order reps tied on score."),
    within: z.array(z.string().min(1)).default([]).describe("Roster columns to rank inside, e.g. [team]."),
  })
  .strict();

export const AwardSchema = z
  .object({
    name,
    by: z.string().min(1).describe("Metric the award goes by (in its better direction)."),
    top: z.number().int().positive().default(1),
  })
  .strict();

const componentBase = {
  name,
  ungated: z.boolean().default(false).describe("Paid even when the plan's gate is false."),
};
const TierBand = z.object({ upto: decimal.optional().describe("Upper bound (exclusive); the last tier has none."), rate: decimal }).strict();

export const ComponentSchema = z.discriminatedUnion("type", [
  z
    .object({
      ...componentBase,
      type: z.literal("tiered"),
      base: z.string().min(1).describe("Metric whose actual is paid on."),
      basis: z.enum(["attainment", "amount"]).default("attainment"),
      mode: z.enum(["marginal", "retroactive"]).default("marginal"),
      tiers: z.array(TierBand).min(1),
    })
    .strict(),
  z
    .object({
      ...componentBase,
      type: z.literal("per_record"),
      source: z.string().min(1),
      where: expression("over the source's columns").optional(),
      date: z.string().min(1),
      rate: decimal.optional().describe("Share of `value` paid per record."),
      amount: decimal.optional().describe("Fixed amount per record."),
      value: expression("over the source's columns").optional(),
    })
    .strict(),
  z.object({ ...componentBase, type: z.literal("bonus"), amount: decimal, when: expression("over score, tier, dimension., metric., attainment.") }).strict(),
  z
    .object({
      ...componentBase,
      type: z.literal("multiplier"),
      table: z.array(z.object({ when: expression("over score, tier, dimension., metric., attainment."), factor: decimal }).strict()).min(1),
    })
    .strict(),
]);

export const PlanSchema = z
  .object({
    name,
    applies_to: expression("over roster columns and tenure_months").optional(),
    gate: expression("over score, tier, dimension., metric., attainment.").optional(),
    cap: decimal.optional().describe("Most one rep can earn from this plan in one period."),
    components: z.array(ComponentSchema).min(1),
  })
  .strict();

const severity = z.enum(["error", "warning", "info"]);
export const AnomaliesSchema = z
  .object({
    outliers: z.object({ metrics: z.array(z.string().min(1)).min(1), threshold: z.number().positive().default(3.5) }).strict().optional(),
    change: z.object({ metrics: z.array(z.string().min(1)).min(1), threshold: z.number().positive().default(0.5) }).strict().optional(),
    period_end_share: z
      .object({ metric: z.string().min(1), last_days: z.number().int().positive().default(3), threshold: share.default(0.6) })
      .strict()
      .optional(),
    rules: z
      .array(z.object({ name, when: expression("over metric., change., attainment., dimension., score, tier"), severity: severity.default("warning"), message: z.string().default("") }).strict())
      .default([]),
  })
  .strict();

export const ConfigSchema = z
  .object({
    version: z.literal(1).describe("Version of the config language."),
    name: z.string().optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, "a three-letter ISO code such as CNY").describe("Plan currency."),
    period: z.enum(["month", "quarter", "year"]).default("month").describe("Default grain of a run and of config targets."),
    rounding: z.enum(["half_up", "half_even"]).default("half_up"),
    sources: z.record(z.string().min(1), SourceSchema).describe("The exports to read; `roster` is required."),
    fx: z.record(z.string().regex(/^[A-Z]{3}$/), decimal).default({}).describe("Plan-currency units per one unit of another currency."),
    metrics: z.record(z.string().min(1), MetricSchema),
    targets: z.record(z.string().min(1), TargetSchema).default({}),
    scorecards: z.array(ScorecardSchema).min(1),
    tiers: TiersSchema.optional(),
    ranking: RankingSchema.default({ tie_break: [], within: [] }),
    awards: z.array(AwardSchema).default([]),
    commission: z.object({ plans: z.array(PlanSchema).default([]) }).strict().optional(),
    anomalies: AnomaliesSchema.optional(),
  })
  .strict();

export type Config = z.output<typeof ConfigSchema>;
export type SourceConfig = z.output<typeof SourceSchema>;
export type ColumnConfig = z.output<typeof ColumnSchema>;
export type MetricConfig = z.output<typeof MetricSchema>;
export type TargetConfig = z.output<typeof TargetSchema>;
export type ScorecardConfig = z.output<typeof ScorecardSchema>;
export type TiersConfig = z.output<typeof TiersSchema>;
export type PlanConfig = z.output<typeof PlanSchema>;
export type ComponentConfig = z.output<typeof ComponentSchema>;
export type AnomaliesConfig = z.output<typeof AnomaliesSchema>;
