/**
 * A bench config for another scale: a copy of bench/kpi.bench.yaml (or
 * kpi.xlsx.yaml) written into that scale's cache folder, with every source
 * path pointing at the file of the same name beside it.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { isMap, isScalar, parseDocument } from "yaml";

export async function writeScaledConfig(template: string, dataDir: string): Promise<string> {
  const doc = parseDocument(await readFile(template, "utf8"));
  const sources = doc.get("sources");
  if (!isMap(sources)) throw new Error(`${template}: no sources`);
  for (const item of sources.items) {
    if (!isScalar(item.key)) continue;
    const sourcePath = doc.getIn(["sources", item.key.value, "path"]);
    if (typeof sourcePath === "string") doc.setIn(["sources", item.key.value, "path"], path.basename(sourcePath));
  }
  doc.commentBefore = ` Written by the bench runner from bench/${path.basename(template)}, with the paths of its\n sources pointing at the files beside this one: edit that file, not this one.`;
  const target = path.join(dataDir, path.basename(template));
  await writeFile(target, doc.toString());
  return target;
}
