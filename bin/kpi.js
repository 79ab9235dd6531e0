#!/usr/bin/env node
// V8 optimises a function once it has run for an "interrupt budget" of
// bytecode. The default suits short-lived, monomorphic code; the readers of a
// large export see new shapes for a while (each column kind, each source), and
// optimised that early they are thrown away and compiled again several times
// per thread. About six times the default budget (67,584 on Node 20) made a
// 6,000,000-row run 6% faster (8% less CPU) and the bundled example 11%
// faster; twice as much again was slower (docs/decisions.md).
// It changes when code is optimised, never what it computes. The flag is set
// before any of kpi's modules load (hence the dynamic import), and reader
// threads share it.
import { setFlagsFromString } from "node:v8";

setFlagsFromString("--interrupt-budget=400000");
const { main } = await import("../dist/src/cli/main.js");

main(process.argv.slice(2));
