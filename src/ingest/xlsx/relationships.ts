/**
 * Package relationships (`_rels/*.rels`): which part plays which role. A
 * target is relative to its source part's folder, or absolute from the
 * package root (`/xl/worksheets/sheet1.xml`); one that climbs out of the
 * package, or points outside the file (`TargetMode="External"`), is never
 * followed.
 */
import { readXmlPart } from "./xmlStream.js";
import type { ZipPackage } from "./zipPackage.js";

export interface Relationship {
  id: string;
  /** the type's last segment: `officeDocument`, `worksheet`, `styles`, `sharedStrings`, ... */
  kind: string;
  /** the part it points to, as a zip entry name (no leading slash); null when external or outside the package */
  part: string | null;
  target: string;
}

/** `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`; the package itself ("") -> `_rels/.rels`. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a target names, seen from `sourcePart`; null when it climbs out of the package. */
export function resolveTarget(sourcePart: string, target: string): string | null {
  let path = target.replace(/\\/g, "/").replace(/[?#].*$/, "");
  try {
    path = decodeURIComponent(path);
  } catch {
    // not percent-encoded after all: taken as written
  }
  const base = path.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  const segments = [...base];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(segment);
  }
  return segments.length === 0 ? null : segments.join("/");
}

/** The relationships of `sourcePart` ("" for the package); none when it has no .rels part. */
export async function readRelationships(zip: ZipPackage, sourcePart: string): Promise<Relationship[]> {
  const relsPart = relationshipsPartOf(sourcePart);
  if (!zip.has(relsPart)) return [];
  const relationships: Relationship[] = [];
  const ids = new Set<string>();
  await readXmlPart(zip, relsPart, {
    open(name, attributes) {
      if (name !== "Relationship") return;
      const id = attributes["Id"] ?? "";
      const target = attributes["Target"] ?? "";
      if (ids.has(id)) throw zip.fail(`part "${relsPart}" gives the relationship id "${id}" twice; the file is damaged`);
      ids.add(id);
      const type = attributes["Type"] ?? "";
      const external = (attributes["TargetMode"] ?? "").toLowerCase() === "external";
      relationships.push({ id, kind: type.slice(type.lastIndexOf("/") + 1), part: external ? null : resolveTarget(sourcePart, target), target });
    },
  });
  return relationships;
}
