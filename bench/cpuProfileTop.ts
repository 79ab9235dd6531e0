/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the functions, and the
 * files, with the most self time. A function's self time is the sum of the
 * sampling intervals in which it was on top of the stack.
 *
 *   node dist/bench/cpuProfileTop.js FILE.cpuprofile [N]
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "./benchPaths.js";
import { markdownTable } from "./renderTables.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

function shortUrl(url: string): string {
  const file = url.replace(/^file:\/\//, "");
  const nodeModules = file.lastIndexOf("node_modules/");
  if (nodeModules >= 0) return file.slice(nodeModules + "node_modules/".length);
  return file.startsWith(REPO_ROOT) ? path.relative(REPO_ROOT, file) : file || "(native)";
}

/** Self time per key (a function, or a file), largest first. */
export function selfTimes(profile: CpuProfile, keyOf: (node: ProfileNode) => string): SelfTime[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const micros = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    const key = keyOf(node);
    totals.set(key, (totals.get(key) ?? 0) + micros);
    all += micros;
  });
  return [...totals].map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / all })).sort((a, b) => b.ms - a.ms);
}

const functionKey = (n: ProfileNode): string => `${n.callFrame.functionName || "(anonymous)"} ${shortUrl(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ""}`;
const fileKey = (n: ProfileNode): string => shortUrl(n.callFrame.url);

const table = (rows: readonly SelfTime[], what: string): string =>
  markdownTable([what, "self ms", "share"], rows.map((r) => [r.name, r.ms.toFixed(0), `${(r.share * 100).toFixed(1)}%`]));

const [file, count] = process.argv.slice(2);
if (file !== undefined) {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const n = Number(count ?? 10);
  process.stdout.write(`${table(selfTimes(profile, functionKey).slice(0, n), "function")}\n\n${table(selfTimes(profile, fileKey).slice(0, n), "file")}\n`);
}
