#!/usr/bin/env node
// V8 considers optimising a function after it has run a few "interrupt
// budgets" of bytecode. The default suits short-lived, monomorphic code; the
// readers of a large export see new shapes for a while (each column kind, each
// source), and optimised that early they are thrown away and compiled again
// several times per thread. About six times the default budget (67,584 on Node 20) made a
// 6,000,000-row run 6% faster (8% less CPU) and the bundled example 11%
// faster; twice as much again was slower (docs/decisions.md).
// It changes when code is optimised, never what it computes. The flag is set
// before any of kpi's modules load (hence the dynamic import), and reader
// threads share it. Only on the V8 it was measured on (Node 20's 11.3): later
// V8s tier up through another compiler first, and V8 reports a flag it does
// not know with an error line on stderr, before every command's output.
import { setFlagsFromString } from "node:v8";

if (process.versions.v8.startsWith("11.3.")) setFlagsFromString("--interrupt-budget=400000");
// dist/kpi is the bundle `npm run build` makes of dist/src (scripts/bundle.ts): a few files load faster than ~300 modules.
const { main } = await import("../dist/kpi/main.js");

main(process.argv.slice(2));
