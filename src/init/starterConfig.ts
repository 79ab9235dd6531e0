/**
 * The `kpi.config.yaml` that `kpi init` writes: short, commented, and in
 * step with the sample exports beside it (`sampleData.ts`), so that `kpi
 * run` works at once. The top-level kpi.config.yaml of the repository is the
 * full tour of the language; this one is a place to start.
 */

/** File name of the JSON Schema `kpi init` writes beside the config (the $schema line points at it). */
export const STARTER_SCHEMA_FILE = "kpi.config.schema.json";

export const STARTER_CONFIG = `# yaml-language-server: $schema=./${STARTER_SCHEMA_FILE}
#
# A starter KPI config, written by \`kpi init\` with sample exports in data/.
#   kpi validate        check this file (and that every export has its columns)
#   kpi run             score the latest complete month and write out/
#   kpi explain R001    every number behind one rep's score and payout
# Replace the files in data/ with your CRM's exports and adjust the column
# mappings below. ${STARTER_SCHEMA_FILE} lets editors complete and check
# this file; after upgrading kpi, refresh it with
#   kpi schema > ${STARTER_SCHEMA_FILE}

version: 1
name: Sales KPIs
currency: CNY          # plan currency: payouts are rounded to its cents
period: month          # a run scores one month unless you pass -p 2026-Q2 or -p 2026

# The exports to read. Paths are relative to this file. Each column maps a
# short name of your own (left) to a header of the file (right).
sources:
  deals:
    path: data/deals.csv
    key: id            # the record id: repeated ids are reported
    columns:
      id: "Deal ID"
      rep: "Owner"     # a name or a rep id: see roster.match
      customer: "Account"
      stage: "Stage"
      amount: { from: "Amount", type: money }
      created: { from: "Created Date", type: date }
      closed: { from: "Close Date", type: date }
  activities:
    path: data/activities.csv
    key: id
    columns:
      id: "Activity ID"
      rep: "Owner ID"
      type: "Type"
      at: { from: "Date", type: date }
  roster:              # required: the people who are scored
    path: data/roster.csv
    key: rep
    match: [name]      # deals name their owner; match those names too
    columns:
      rep: "Rep ID"
      name: "Name"
      team: "Team"
      role: "Role"
      hired: { from: "Hired Date", type: date }
  targets:             # optional: targets per rep that differ from the defaults below
    path: data/targets.csv
    columns: { rep: "Rep", metric: "Metric", period: "Period", target: { from: "Target", type: number } }

# What is measured, per rep and period. Expressions are quoted when they
# hold a comma, a colon or a quote.
metrics:
  won_revenue:  { label: Won revenue, source: deals, where: 'stage == "Closed Won"', date: closed, aggregate: sum, value: amount, unit: money }
  won_deals:    { source: deals, where: 'stage == "Closed Won"', date: closed, aggregate: count }
  closed_deals: { source: deals, date: closed, aggregate: count }
  win_rate:     { label: Win rate, formula: won_deals / closed_deals, unit: percent }
  sales_cycle:  { label: Sales cycle, source: deals, where: 'stage == "Closed Won"', date: closed, aggregate: avg, value: 'days(created, closed)', better: lower, unit: days }
  visits:       { label: Visits, source: activities, where: 'type == "Visit"', date: at, aggregate: count }

# Targets for one month; a row of data/targets.csv for the rep wins.
targets:
  won_revenue: { default: 120000, by_role: { key_account: 200000 }, prorate: true }
  win_rate: 0.5
  sales_cycle: 30
  visits: 5

# The first scorecard whose applies_to holds is used; the last has none.
scorecards:
  - name: new_hire
    applies_to: tenure_months < 3
    dimensions:
      process: { weight: 60, metrics: { visits: 100 } }
      result:  { weight: 40, metrics: { won_revenue: 100 } }
  - name: standard
    cap: 1.5           # attainment counts up to 150% of target
    dimensions:
      result:   { weight: 60, metrics: { won_revenue: 70, win_rate: 30 } }
      process:  { weight: 25, metrics: { visits: 100 } }
      customer: { weight: 15, metrics: { sales_cycle: 100 } }

tiers:                 # the first tier from the top whose min the score reaches
  - { name: S, min: 110 }
  - { name: A, min: 95 }
  - { name: B, min: 80 }
  - { name: C }

ranking:
  tie_break: [won_revenue]   # after the score; the rep id last
  within: [team]

awards:
  - { name: Top seller, by: won_revenue }

commission:
  plans:
    - name: standard
      gate: score >= 60        # below it, only ungated components pay
      cap: 50000
      components:
        - name: Revenue commission
          type: tiered
          base: won_revenue
          basis: attainment    # tier bounds are multiples of the target
          mode: marginal
          tiers:
            - { upto: 0.5, rate: 0 }
            - { upto: 1.0, rate: 0.03 }
            - { rate: 0.05 }
        - name: Visit bonus
          type: bonus
          amount: 500
          when: attainment.visits >= 1
          ungated: true

anomalies:
  outliers: { metrics: [won_revenue], threshold: 3.5 }
`;
